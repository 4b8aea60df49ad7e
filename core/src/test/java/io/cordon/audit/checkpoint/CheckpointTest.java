package io.cordon.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.audit.tree.MerkleHashes;
import io.cordon.context.CordonException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {
  private static final byte[] ROOT = MerkleHashes.leafHash(new byte[] {42});
  private static final String ROOT64 = Base64.getEncoder().encodeToString(ROOT);

  @Test
  void body_isThreeLinesEachEndingInNewline() {
    Checkpoint checkpoint = new Checkpoint("cordon/install-1", 1234, ROOT);

    assertThat(checkpoint.body()).isEqualTo("cordon/install-1\n1234\n" + ROOT64 + "\n");
    assertThat(Checkpoint.fromBody(checkpoint.body())).isEqualTo(checkpoint);
  }

  @Test
  void fromBody_edgeSizes_roundTrip() {
    for (long size : new long[] {0, 1, 9, 10, Long.MAX_VALUE}) {
      Checkpoint checkpoint = new Checkpoint("o", size, ROOT);
      assertThat(Checkpoint.fromBody(checkpoint.body())).isEqualTo(checkpoint);
    }
    assertThat(Checkpoint.fromBody("go.sum database tree\n5\n" + ROOT64 + "\n").origin())
        .isEqualTo("go.sum database tree");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "007",
        "00",
        "+5",
        "-1",
        " 5",
        "5 ",
        "1e3",
        "0x10",
        "5.0",
        "",
        "\u0661\u0662",
        "9223372036854775808",
        "99999999999999999999",
        "1_000"
      })
  void fromBody_nonCanonicalSize_isRejected(String size) {
    assertMalformed("o\n" + size + "\n" + ROOT64 + "\n");
  }

  @Test
  void fromBody_malformedLayout_isRejected() {
    String unpadded = ROOT64.replace("=", "");
    String trailingBits = ROOT64.substring(0, 42) + "B=";
    String shortRoot = Base64.getEncoder().encodeToString(new byte[31]);
    for (String body :
        new String[] {
          "o\n5\n" + ROOT64,
          "o\n5\n" + ROOT64 + "\n\n",
          "o\n\n5\n" + ROOT64 + "\n",
          "\no\n5\n" + ROOT64 + "\n",
          "\n5\n" + ROOT64 + "\n",
          "o\n5\n" + ROOT64 + "\nextension\n",
          "o\n5\n",
          "o\n5\n" + unpadded + "\n",
          "o\n5\n" + trailingBits + "\n",
          "o\n5\n" + shortRoot + "\n",
          "o\n5\n" + ROOT64 + " \n",
          "o\r\n5\r\n" + ROOT64 + "\r\n",
          "o\u0000\n5\n" + ROOT64 + "\n",
        }) {
      assertMalformed(body);
    }
  }

  @Test
  void constructor_invalidValues_areRejected() {
    assertThatThrownBy(() -> new Checkpoint("", 1, ROOT))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> new Checkpoint("a\nb", 1, ROOT))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> new Checkpoint("o", -1, ROOT))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> new Checkpoint("o", 1, new byte[31]))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void rootHash_isCopied() {
    byte[] root = ROOT.clone();
    Checkpoint checkpoint = new Checkpoint("o", 1, root);
    root[0] ^= 1;
    checkpoint.rootHash()[1] ^= 1;
    assertThat(checkpoint.rootHash()).isEqualTo(ROOT);
  }

  private static void assertMalformed(String body) {
    assertThatThrownBy(() -> Checkpoint.fromBody(body))
        .as(body)
        .isInstanceOf(CordonException.InvalidInput.class);
  }
}
