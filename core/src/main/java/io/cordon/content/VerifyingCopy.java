package io.cordon.content;

import io.cordon.context.CordonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.function.LongConsumer;

/**
 * Copies plaintext while hashing it, holding back the last buffer until the length and SHA-256
 * match what was recorded at upload. Not thread-safe; one instance per copy.
 */
final class VerifyingCopy {
  private static final int BUFFER = 64 * 1024;
  private final long expectedSize;
  private final String expectedSha256;

  VerifyingCopy(long expectedSize, String expectedSha256) {
    this.expectedSize = expectedSize;
    this.expectedSha256 = expectedSha256;
  }

  void copy(InputStream in, OutputStream out, LongConsumer sent) throws IOException {
    try (BackgroundDigest sha = new BackgroundDigest(BUFFER)) {
      copy(in, out, sent, sha);
    }
  }

  private void copy(InputStream in, OutputStream out, LongConsumer sent, BackgroundDigest sha)
      throws IOException {
    byte[] held = new byte[BUFFER];
    byte[] next = new byte[BUFFER];
    int heldLength = 0;
    long total = 0;
    int n;
    while ((n = in.readNBytes(next, 0, BUFFER)) > 0) {
      if (heldLength > 0) {
        out.write(held, 0, heldLength);
        sent.accept(heldLength);
      }
      sha.update(next, 0, n);
      total += n;
      byte[] swap = held;
      held = next;
      next = swap;
      heldLength = n;
    }
    String actual = sha.hex();
    if (total != expectedSize
        || !MessageDigest.isEqual(actual.getBytes(), expectedSha256.getBytes())) {
      throw new CordonException.IntegrityViolation(
          "stored content failed its integrity check", null);
    }
    if (heldLength > 0) {
      out.write(held, 0, heldLength);
      sent.accept(heldLength);
    }
    out.flush();
  }
}
