/**
 * Sharing with partners: shares of a file with named recipients (existing users, or guest accounts
 * that must accept a single-use invitation and authenticate), their limits, expiry and revocation,
 * view-only delivery, and the e-mail that tells people about them. Access through a share is a
 * policy question about a {@code shared-file} resource, asked only for a live share's recipient.
 */
package io.cordon.sharing;
