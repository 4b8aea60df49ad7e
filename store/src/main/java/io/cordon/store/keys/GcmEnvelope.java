package io.cordon.store.keys;

import io.cordon.context.CordonException;
import io.cordon.crypto.DecryptionFailure;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import java.security.ProviderException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The key vaults' ciphertext format, {@code version (0x01) ‖ nonce (12 bytes) ‖ ciphertext ‖ tag
 * (16 bytes)}: AES-GCM as in NIST SP 800-38D with random 96-bit nonces (section 8.2.2), which keeps
 * the collision risk within the 2^-32 bound for up to 2^32 encryptions under one key.
 */
final class GcmEnvelope {
  static final byte VERSION = 1;
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;
  private static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BITS / 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  private GcmEnvelope() {}

  /** Encrypts with a fresh random nonce; {@code provider} null means the JDK's default. */
  static byte[] seal(Key key, Provider provider, byte[] plaintext, byte[] associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      byte[] sealed =
          cipher(Cipher.ENCRYPT_MODE, key, provider, nonce, associatedData).doFinal(plaintext);
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException | ProviderException e) {
      throw new CordonException.Unavailable("the key vault could not encrypt", e);
    }
  }

  static byte[] open(Key key, Provider provider, byte[] envelope, byte[] associatedData) {
    if (envelope == null || envelope.length < OVERHEAD || envelope[0] != VERSION) {
      throw DecryptionFailure.violation();
    }
    byte[] nonce = new byte[NONCE_BYTES];
    System.arraycopy(envelope, 1, nonce, 0, NONCE_BYTES);
    Cipher cipher;
    try {
      cipher = cipher(Cipher.DECRYPT_MODE, key, provider, nonce, associatedData);
    } catch (GeneralSecurityException | ProviderException e) {
      throw new CordonException.Unavailable("the key vault could not decrypt", e);
    }
    try {
      return cipher.doFinal(envelope, 1 + NONCE_BYTES, envelope.length - 1 - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw DecryptionFailure.violation();
    }
  }

  /** An AES/GCM/NoPadding cipher initialised with {@code nonce} and the associated data. */
  static Cipher cipher(int mode, Key key, Provider provider, byte[] nonce, byte[] associatedData)
      throws GeneralSecurityException {
    Cipher cipher =
        provider == null
            ? Cipher.getInstance("AES/GCM/NoPadding")
            : Cipher.getInstance("AES/GCM/NoPadding", provider);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(associatedData == null ? new byte[0] : associatedData);
    return cipher;
  }
}
