package io.cordon.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import io.cordon.context.StillAllowed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-chunk re-check of a download's credential (continuous verification). */
class VerifyingCopyRecheckTest {
  private static final int MIB = 1 << 20;

  private static byte[] data(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31);
    }
    return b;
  }

  private static String sha(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void copy_allowedThroughout_asksAboutOncePerMebibyte() throws Exception {
    byte[] in = data(8 * MIB);
    AtomicInteger asked = new AtomicInteger();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new VerifyingCopy(in.length, sha(in))
        .copy(
            new ByteArrayInputStream(in),
            out,
            n -> {},
            () -> {
              asked.incrementAndGet();
              return Optional.empty();
            },
            () -> 0L);
    assertThat(out.toByteArray()).isEqualTo(in);
    assertThat(asked.get()).isBetween(8, 10);
  }

  @Test
  void copy_refusedMidway_stopsWithinOneChunkAndSaysWhy() throws Exception {
    byte[] in = data(8 * MIB);
    AtomicInteger asked = new AtomicInteger();
    long[] sent = {0};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StillAllowed revokedAfterThree =
        () -> asked.incrementAndGet() > 3 ? Optional.of("the session was ended") : Optional.empty();
    assertThatThrownBy(
            () ->
                new VerifyingCopy(in.length, sha(in))
                    .copy(
                        new ByteArrayInputStream(in),
                        out,
                        n -> sent[0] += n,
                        revokedAfterThree,
                        () -> 0L))
        .isInstanceOf(CordonException.Unauthenticated.class)
        .hasMessage("the session was ended");
    assertThat(sent[0]).isEqualTo(out.size()).isBetween(2L * MIB, 3L * MIB + 64 * 1024);
  }

  @Test
  void copy_refusedFromTheStart_writesNothing() throws Exception {
    byte[] in = data(100);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(
            () ->
                new VerifyingCopy(in.length, sha(in))
                    .copy(
                        new ByteArrayInputStream(in),
                        out,
                        n -> {},
                        () -> Optional.of("disabled"),
                        () -> 0L))
        .isInstanceOf(CordonException.Unauthenticated.class);
    assertThat(out.size()).isZero();
  }

  @Test
  void copy_slowTransfer_asksAgainEverySecondEvenBelowAMebibyte() throws Exception {
    byte[] in = data(10 * 64 * 1024);
    AtomicInteger asked = new AtomicInteger();
    AtomicLong now = new AtomicLong();
    new VerifyingCopy(in.length, sha(in))
        .copy(
            new ByteArrayInputStream(in),
            new ByteArrayOutputStream(),
            n -> {},
            () -> {
              asked.incrementAndGet();
              return Optional.empty();
            },
            () -> now.addAndGet(StillAllowed.CHECK_EVERY_NANOS));
    // Every buffer sees a second pass: one question per 64 KiB buffer, plus the first.
    assertThat(asked.get()).isEqualTo(11);
  }

  @Test
  void and_firstRefusalWins_otherwiseTheSecondIsAsked() {
    StillAllowed ok = Optional::empty;
    StillAllowed share = () -> Optional.of("share revoked");
    StillAllowed session = () -> Optional.of("session ended");
    assertThat(ok.and(share).refusal()).contains("share revoked");
    assertThat(session.and(share).refusal()).contains("session ended");
    assertThat(ok.and(ok).refusal()).isEmpty();
  }
}
