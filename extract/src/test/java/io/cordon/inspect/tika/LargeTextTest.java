package io.cordon.inspect.tika;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.inspect.Extraction;
import io.cordon.inspect.Extraction.Status;
import io.cordon.inspect.ExtractionLimits;
import io.cordon.inspect.Inspector;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A single-line text far larger than the test JVM's heap (the extract module's tests run with
 * {@code -Xmx192m}) streams through the same bounded path that a 2 GB upload takes: the text is
 * generated, never held. Slow (a few hundred MB): run with {@code -Dcordon.test.groups=slow}.
 */
@Tag("slow")
class LargeTextTest {
  static final long SIZE = 320L << 20;

  @Test
  void singleLineText_largerThanTheHeap_completeWithTheFindingAtItsEnd() throws Exception {
    byte[] tail = " SSN: 078-05-1123 on file".getBytes(StandardCharsets.UTF_8);
    Extraction e =
        new TikaExtractor(ExtractionLimits.defaults())
            .extract(new OneLine(SIZE, tail), "huge.txt", Inspector.standard());
    assertThat(e.status()).isEqualTo(Status.COMPLETE);
    assertThat(e.inspection().orElseThrow().chars()).isEqualTo(SIZE + tail.length);
    assertThat(e.inspection().orElseThrow().findings())
        .anySatisfy(f -> assertThat(f.type().name()).isEqualTo("US_SSN"));
  }

  @Test
  void singleLineText_overTheByteLimit_truncatedWithinTheHeap() throws Exception {
    Extraction e =
        new TikaExtractor(ExtractionLimits.defaults().withMaxBytes(SIZE / 2))
            .extract(new OneLine(SIZE, new byte[0]), "huge.txt", Inspector.standard());
    assertThat(e.status()).isEqualTo(Status.TRUNCATED);
    assertThat(e.inspection().orElseThrow().chars()).isEqualTo(SIZE / 2);
  }

  /** {@code size} bytes of letters and spaces without a newline, then {@code tail}. */
  static final class OneLine extends InputStream {
    private static final byte[] PATTERN =
        "lorem ipsum dolor sit amet batch release ".getBytes(StandardCharsets.US_ASCII);
    private final long size;
    private final byte[] tail;
    private long pos;

    OneLine(long size, byte[] tail) {
      this.size = size;
      this.tail = tail;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      long total = size + tail.length;
      if (pos >= total) {
        return -1;
      }
      int n = (int) Math.min(len, total - pos);
      for (int i = 0; i < n; i++, pos++) {
        b[off + i] = pos < size ? PATTERN[(int) (pos % PATTERN.length)] : tail[(int) (pos - size)];
      }
      return n;
    }
  }
}
