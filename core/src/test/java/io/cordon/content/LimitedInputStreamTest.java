package io.cordon.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {
  @Test
  void read_exactlyTheLimit_passes() throws Exception {
    var in = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);
    assertThat(in.readAllBytes()).hasSize(100);
  }

  @Test
  void read_oneByteOverTheLimit_tooLarge() {
    var in = new LimitedInputStream(new ByteArrayInputStream(new byte[101]), 100);
    assertThatThrownBy(in::readAllBytes)
        .isInstanceOf(CordonException.TooLarge.class)
        .hasMessageContaining("upload.max-bytes");
  }

  @Test
  void readSingleBytes_overTheLimit_tooLarge() throws Exception {
    var in = new LimitedInputStream(new ByteArrayInputStream(new byte[3]), 2);
    in.read();
    in.read();
    assertThatThrownBy(in::read).isInstanceOf(CordonException.TooLarge.class);
  }

  @Test
  void skip_countsTowardsTheLimit() throws Exception {
    var in = new LimitedInputStream(new ByteArrayInputStream(new byte[10]), 5);
    assertThatThrownBy(() -> in.skip(8)).isInstanceOf(CordonException.TooLarge.class);
  }
}
