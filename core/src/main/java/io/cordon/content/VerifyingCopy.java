package io.cordon.content;

import io.cordon.context.CordonException;
import io.cordon.context.StillAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

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
    copy(in, out, sent, StillAllowed.ALWAYS, System::nanoTime);
  }

  /**
   * As {@link #copy(InputStream, OutputStream, LongConsumer)}, asking {@code allowed} before the
   * first byte and then before a buffer leaves once {@link StillAllowed#CHECK_EVERY_BYTES} or
   * {@link StillAllowed#CHECK_EVERY_NANOS} have passed since the last check.
   *
   * @throws CordonException.Unauthenticated when {@code allowed} refuses; nothing more is written
   */
  void copy(
      InputStream in, OutputStream out, LongConsumer sent, StillAllowed allowed, LongSupplier nanos)
      throws IOException {
    try (BackgroundDigest sha = new BackgroundDigest(BUFFER)) {
      copy(in, out, sent, sha, new Recheck(allowed, nanos));
    }
  }

  /** When to ask again, and asking. */
  private static final class Recheck {
    private final StillAllowed allowed;
    private final LongSupplier nanos;
    private long bytesSince;
    private long lastAsked;

    Recheck(StillAllowed allowed, LongSupplier nanos) {
      this.allowed = allowed;
      this.nanos = nanos;
      ask();
    }

    void beforeWriting(int n) {
      bytesSince += n;
      if (bytesSince > StillAllowed.CHECK_EVERY_BYTES
          || nanos.getAsLong() - lastAsked >= StillAllowed.CHECK_EVERY_NANOS) {
        ask();
        bytesSince = n;
      }
    }

    private void ask() {
      lastAsked = nanos.getAsLong();
      java.util.Optional<String> refusal = allowed.refusal();
      if (refusal.isPresent()) {
        throw new CordonException.Unauthenticated(refusal.get());
      }
    }
  }

  private void copy(
      InputStream in, OutputStream out, LongConsumer sent, BackgroundDigest sha, Recheck recheck)
      throws IOException {
    byte[] held = new byte[BUFFER];
    byte[] next = new byte[BUFFER];
    int heldLength = 0;
    long total = 0;
    int n;
    while ((n = in.readNBytes(next, 0, BUFFER)) > 0) {
      if (heldLength > 0) {
        recheck.beforeWriting(heldLength);
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
      recheck.beforeWriting(heldLength);
      out.write(held, 0, heldLength);
      sent.accept(heldLength);
    }
    out.flush();
  }
}
