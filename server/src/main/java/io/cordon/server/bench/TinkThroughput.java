package io.cordon.server.bench;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.cordon.content.FileId;
import io.cordon.crypto.DataKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Raw Tink StreamingAead throughput with the product's own data keys ({@link DataKeys}, i.e.
 * AES256_GCM_HKDF_1MB with the content's associated data), in memory: encryption into a sink that
 * drops the ciphertext, decryption of up to 64 MiB of ciphertext held in memory, read again until
 * {@code size} plaintext bytes came out. Both in the product's {@link
 * GeneratedContent#BUFFER}-sized calls. The JIT is warmed up first with small calls, which
 * MACHINE-NOTES found to reach full speed far sooner than 1 MiB calls. Not thread-safe; one
 * measurement at a time.
 */
final class TinkThroughput {
  private static final int HELD_CIPHERTEXT = 64 << 20;
  private static final int WARMUP_CALL = 16 * 1024;

  private final StreamingAead dek;
  private final byte[] associatedData;
  private final GeneratedContent content;

  private TinkThroughput(StreamingAead dek, byte[] associatedData, GeneratedContent content) {
    this.dek = dek;
    this.associatedData = associatedData;
    this.content = content;
  }

  /** A fresh data key under a throwaway in-memory KEK. */
  static TinkThroughput create(GeneratedContent content) throws GeneralSecurityException {
    AeadConfig.register();
    Aead kek =
        KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
            .getPrimitive(RegistryConfiguration.get(), Aead.class);
    FileId file = FileId.random();
    String version = "v-bench";
    return new TinkThroughput(
        DataKeys.newDataKey(kek, file, version).streamingAead(),
        DataKeys.contentAssociatedData(file, version),
        content);
  }

  /**
   * Warms up the JIT: JCA AES-GCM and SHA-256 in small calls first (Tink seals each 1 MiB segment
   * in one AES-GCM call, and with calls that large the JIT takes ~900 MiB to reach full speed),
   * then Tink itself. The JIT is shared by the whole JVM, so this warms the server's path too.
   */
  void warmUp(long bytes) throws IOException, GeneralSecurityException {
    warmUpJca(bytes);
    encrypt(bytes, WARMUP_CALL);
    decrypt(bytes, WARMUP_CALL);
  }

  private void warmUpJca(long bytes) throws GeneralSecurityException {
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    SecretKeySpec key = new SecretKeySpec(new byte[32], "AES"); // throwaway: warms code, not keys
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] plain = new byte[WARMUP_CALL];
    content.fill(0, plain, 0, plain.length);
    byte[] sealed = new byte[WARMUP_CALL + 16];
    byte[] iv = new byte[12];
    for (long done = 0, counter = 0; done < bytes; done += WARMUP_CALL, counter++) {
      ByteBuffer.wrap(iv).putLong(4, counter);
      gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      int n = gcm.doFinal(plain, 0, plain.length, sealed, 0);
      gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
      gcm.doFinal(sealed, 0, n, plain, 0);
      sha.update(plain);
    }
    sha.digest();
  }

  /** Megabytes (10^6 bytes) of plaintext encrypted per second, one value per run. */
  List<Double> encryptRuns(long bytes, int runs) throws IOException, GeneralSecurityException {
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      encrypt(bytes, GeneratedContent.BUFFER);
      rates.add(rate(bytes, System.nanoTime() - start));
    }
    return rates;
  }

  /** Megabytes (10^6 bytes) of plaintext decrypted per second, one value per run. */
  List<Double> decryptRuns(long bytes, int runs) throws IOException, GeneralSecurityException {
    byte[] ciphertext = ciphertext(Math.min(bytes, HELD_CIPHERTEXT));
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      long n = decrypt(ciphertext, bytes, GeneratedContent.BUFFER);
      rates.add(rate(n, System.nanoTime() - start));
    }
    return rates;
  }

  private void encrypt(long bytes, int call) throws IOException, GeneralSecurityException {
    byte[] buf = new byte[call];
    content.fill(0, buf, 0, call);
    try (OutputStream enc =
        dek.newEncryptingStream(OutputStream.nullOutputStream(), associatedData)) {
      for (long left = bytes; left > 0; left -= call) {
        enc.write(buf, 0, (int) Math.min(call, left));
      }
    }
  }

  private void decrypt(long bytes, int call) throws IOException, GeneralSecurityException {
    decrypt(ciphertext(Math.min(bytes, HELD_CIPHERTEXT)), bytes, call);
  }

  /** Decrypts {@code ciphertext} as often as it takes to produce {@code bytes} of plaintext. */
  private long decrypt(byte[] ciphertext, long bytes, int call)
      throws IOException, GeneralSecurityException {
    byte[] buf = new byte[call];
    long total = 0;
    while (total < bytes) {
      try (InputStream plain =
          dek.newDecryptingStream(new ByteArrayInputStream(ciphertext), associatedData)) {
        int n;
        while ((n = plain.readNBytes(buf, 0, call)) > 0) {
          total += n;
        }
      }
    }
    return total;
  }

  private byte[] ciphertext(long plaintextBytes) throws IOException, GeneralSecurityException {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) plaintextBytes + (1 << 16));
    try (OutputStream enc = dek.newEncryptingStream(out, associatedData)) {
      content.withSize(plaintextBytes).writeTo(enc);
    }
    return out.toByteArray();
  }

  static double rate(long bytes, long nanos) {
    return bytes / 1e6 / (nanos / 1e9);
  }
}
