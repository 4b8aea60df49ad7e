package io.cordon.audit.checkpoint;

/**
 * Port: signs note texts with one key (c2sp.org/signed-note). A key held in memory is an {@link
 * Ed25519NoteSigner}; a key held in a vault or HSM would be another adapter.
 *
 * <p>Implementations must be thread-safe.
 */
public interface NoteSigner {
  /** The key name written in the signature line. */
  String keyName();

  /** The 32-bit key ID written before the signature (an unsigned value in an {@code int}). */
  int keyId();

  /** The signature of {@code message}, the note text's UTF-8 bytes. */
  byte[] sign(byte[] message);
}
