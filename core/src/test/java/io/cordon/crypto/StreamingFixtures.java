package io.cordon.crypto;

import com.google.crypto.tink.StreamingAead;
import io.cordon.content.FileId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;

/** Encrypts and decrypts test content through the streaming API. */
final class StreamingFixtures {
  private StreamingFixtures() {}

  /** Deterministic pseudo-random content; uneven write sizes cross segment boundaries. */
  static byte[] content(int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return data;
  }

  static byte[] encrypt(StreamingAead aead, FileId file, String version, int size)
      throws Exception {
    return encrypt(aead, file, version, content(size));
  }

  static byte[] encrypt(StreamingAead aead, FileId file, String version, byte[] plaintext)
      throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out =
        aead.newEncryptingStream(sink, DataKeys.contentAssociatedData(file, version))) {
      int offset = 0;
      int chunk = 1;
      while (offset < plaintext.length) {
        int n = Math.min(chunk, plaintext.length - offset);
        out.write(plaintext, offset, n);
        offset += n;
        chunk = chunk * 7 % 200_003 + 1;
      }
    }
    return sink.toByteArray();
  }

  static byte[] decrypt(StreamingAead aead, FileId file, String version, byte[] ciphertext)
      throws Exception {
    return decrypt(aead, file, version, new ByteArrayInputStream(ciphertext));
  }

  static byte[] decrypt(StreamingAead aead, FileId file, String version, InputStream source)
      throws Exception {
    try (InputStream in =
        aead.newDecryptingStream(source, DataKeys.contentAssociatedData(file, version))) {
      return in.readAllBytes();
    }
  }
}
