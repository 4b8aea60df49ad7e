package io.cordon.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GeneratedContentTest {
  @Test
  void fill_anySplit_givesTheSameBytesAsOneWrite() throws Exception {
    GeneratedContent c = GeneratedContent.of(3 << 20, 7);
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    c.writeTo(whole);
    byte[] pieces = new byte[3 << 20];
    for (int p = 0; p < pieces.length; p += 100_003) {
      c.fill(p, pieces, p, Math.min(100_003, pieces.length - p));
    }
    assertThat(pieces).isEqualTo(whole.toByteArray());
  }

  @Test
  void blocks_doNotRepeat() {
    GeneratedContent c = GeneratedContent.of(2 << 20, 7);
    byte[] first = new byte[1 << 20];
    byte[] second = new byte[1 << 20];
    c.fill(0, first, 0, first.length);
    c.fill(1 << 20, second, 0, second.length);
    assertThat(Arrays.equals(first, second)).isFalse();
  }
}
