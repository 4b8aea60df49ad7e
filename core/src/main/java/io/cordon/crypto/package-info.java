/**
 * The key hierarchy (root key in a {@link io.cordon.crypto.KeyVault}, workspace KEKs as Tink AEAD
 * keysets, per-version DEKs as Tink StreamingAead keysets), envelope encryption, rotation and
 * crypto-shredding. Unwrapped keys live only in memory.
 */
package io.cordon.crypto;
