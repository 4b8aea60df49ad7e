/**
 * Electronic signatures and recipient receipts under 21 CFR Part 11 (§11.50, §11.70, §11.100,
 * §11.200, §11.300): a signer re-authenticates with two distinct components and binds a printed
 * name, a time with its zone and a meaning to one exact file version and its SHA-256, sealed by the
 * installation's Ed25519 signature key so that a record moved to other content fails verification.
 */
package io.cordon.audit.signature;
