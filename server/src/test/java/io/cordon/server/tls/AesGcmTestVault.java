package io.cordon.server.tls;

import io.cordon.context.CordonException;
import io.cordon.crypto.KeyVault;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** A real AES-256-GCM vault with an in-memory key: nonce (12 bytes) ‖ ciphertext ‖ tag. */
final class AesGcmTestVault implements KeyVault {
  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  AesGcmTestVault() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      this.key = generator.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String kind() {
    return "test";
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    try {
      byte[] nonce = new byte[12];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(associatedData);
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, ciphertext, 0, 12));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(ciphertext, 12, ciphertext.length - 12);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CordonException.IntegrityViolation("decryption failed", null);
    }
  }

  @Override
  public void close() {}
}
