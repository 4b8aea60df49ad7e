package io.cordon.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** A real AES-256-GCM key vault over a random in-memory key (JCA), for tests: not a mock. */
final class InMemoryKeyVault implements KeyVault {
  private static final byte VERSION = 1;
  private static final int NONCE = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;
  private volatile boolean closed;

  InMemoryKeyVault() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, RANDOM);
      this.key = generator.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The raw root key, so tests can check that it never appears in wrapped output. */
  byte[] rawKeyForTests() {
    return key.getEncoded();
  }

  @Override
  public String kind() {
    return "memory";
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    checkOpen();
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(associatedData);
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(1 + NONCE + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
    checkOpen();
    if (ciphertext.length < 1 + NONCE + 16 || ciphertext[0] != VERSION) {
      throw DecryptionFailure.violation();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(128, Arrays.copyOfRange(ciphertext, 1, 1 + NONCE)));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(ciphertext, 1 + NONCE, ciphertext.length - 1 - NONCE);
    } catch (GeneralSecurityException e) {
      throw DecryptionFailure.violation();
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("vault closed");
    }
  }
}
