package io.cordon.crypto;

/**
 * Port: holds the root key and uses it without ever handing it out. Everything else in the key
 * hierarchy is stored encrypted by this key. Adapters: a passphrase- or key-file-sealed local
 * keystore, and a PKCS#11 token (an HSM in production, SoftHSM2 in tests).
 *
 * <p>Encryption is AES-256-GCM; the associated data binds a ciphertext to its purpose. Failures to
 * decrypt all raise the same {@link io.cordon.context.CordonException.IntegrityViolation}.
 * Implementations are thread-safe.
 */
public interface KeyVault extends AutoCloseable {
  /** {@code sealed} or {@code pkcs11}, as in configuration. */
  String kind();

  byte[] encrypt(byte[] plaintext, byte[] associatedData);

  byte[] decrypt(byte[] ciphertext, byte[] associatedData);

  @Override
  void close();
}
