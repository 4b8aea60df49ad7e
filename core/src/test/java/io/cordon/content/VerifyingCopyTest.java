package io.cordon.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VerifyingCopyTest {
  private static byte[] data(int n) {
    byte[] b = new byte[n];
    new Random(7).nextBytes(b);
    return b;
  }

  private static String sha(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void copy_matchingHash_writesEverything() throws Exception {
    byte[] in = data(200_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long[] sent = {0};
    new VerifyingCopy(in.length, sha(in))
        .copy(new ByteArrayInputStream(in), out, n -> sent[0] += n);
    assertThat(out.toByteArray()).isEqualTo(in);
    assertThat(sent[0]).isEqualTo(in.length);
  }

  @Test
  void copy_hashMismatch_failsBeforeTheLastBuffer() throws Exception {
    byte[] in = data(200_000);
    String wrong = sha(data(5));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(
            () ->
                new VerifyingCopy(in.length, wrong)
                    .copy(new ByteArrayInputStream(in), out, n -> {}))
        .isInstanceOf(CordonException.IntegrityViolation.class);
    assertThat(out.size()).isLessThan(in.length);
  }

  @Test
  void copy_shorterThanRecorded_fails() throws Exception {
    byte[] in = data(1000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(
            () ->
                new VerifyingCopy(in.length + 1, sha(in))
                    .copy(new ByteArrayInputStream(in), out, n -> {}))
        .isInstanceOf(CordonException.IntegrityViolation.class);
    assertThat(out.size()).isZero();
  }

  @Test
  void copy_emptyFile_verifies() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new VerifyingCopy(0, sha(new byte[0]))
        .copy(new ByteArrayInputStream(new byte[0]), out, n -> {});
    assertThat(out.size()).isZero();
  }
}
