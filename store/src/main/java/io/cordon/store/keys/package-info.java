/**
 * Key vault adapters holding Cordon's root key: {@link io.cordon.store.keys.SealedFileKeyVault} (a
 * local root key sealed by a passphrase, a key file, or, for development only, a key beside the
 * data) and {@link io.cordon.store.keys.Pkcs11KeyVault} (a non-extractable key inside a PKCS#11
 * token). Both speak the same AES-256-GCM ciphertext format.
 */
package io.cordon.store.keys;
