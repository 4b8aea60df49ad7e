package io.cordon.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackgroundDigestTest {
  private static String reference(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  @Test
  void hex_manyUnevenUpdates_equalsOneShotDigest() throws Exception {
    byte[] data = new byte[3_000_001];
    new Random(3).nextBytes(data);
    try (BackgroundDigest d = new BackgroundDigest(64 * 1024)) {
      int off = 0;
      Random sizes = new Random(5);
      while (off < data.length) {
        int n = Math.min(data.length - off, 1 + sizes.nextInt(200_000));
        d.update(data, off, n);
        off += n;
      }
      assertThat(d.hex()).isEqualTo(reference(data));
    }
  }

  @Test
  void hex_nothingHashed_isTheEmptyDigest() throws Exception {
    try (BackgroundDigest d = new BackgroundDigest(1024)) {
      assertThat(d.hex()).isEqualTo(reference(new byte[0]));
      assertThat(d.hex()).isEqualTo(reference(new byte[0]));
    }
  }

  @Test
  void update_callerReusesItsBuffer_digestUnaffected() throws Exception {
    byte[] buffer = new byte[1000];
    byte[] all = new byte[50_000];
    try (BackgroundDigest d = new BackgroundDigest(1000)) {
      for (int i = 0; i < 50; i++) {
        java.util.Arrays.fill(buffer, (byte) i);
        System.arraycopy(buffer, 0, all, i * 1000, 1000);
        d.update(buffer, 0, 1000);
      }
      assertThat(d.hex()).isEqualTo(reference(all));
    }
  }
}
