package io.cordon.audit.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddCheckpointRequestTest {
  private static final String HASH = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String NOTE = "log\n5\n" + HASH + "\n\n\u2014 log AAAA\n";

  private static AddCheckpointRequest parse(String body) {
    return AddCheckpointRequest.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parse_specShape_readsOldSizeProofAndNote() {
    AddCheckpointRequest r = parse("old 3\n" + HASH + "\n" + HASH + "\n\n" + NOTE);

    assertThat(r.oldSize()).isEqualTo(3);
    assertThat(r.proof()).hasSize(2);
    assertThat(new String(r.note(), StandardCharsets.UTF_8)).isEqualTo(NOTE);
    assertThat(new String(r.encoded(), StandardCharsets.UTF_8))
        .isEqualTo("old 3\n" + HASH + "\n" + HASH + "\n\n" + NOTE);
  }

  @Test
  void parse_oldZeroWithoutProof_isEmptyProof() {
    assertThat(parse("old 0\n\n" + NOTE).proof()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "old 3",
        "old 3\n",
        "old 03\n\nx",
        "old -1\n\nx",
        "old +1\n\nx",
        "old 99999999999999999999\n\nx",
        "Old 1\n\nx",
        "old 1 \n\nx",
        "old 1\n\n",
        "old 1\nnot base64!\n\nx",
        "old 1\nAAAA\n\nx",
        "old 1\r\n\r\nx",
      })
  void parse_malformed_invalidInput(String body) {
    assertThatThrownBy(() -> parse(body)).isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void parse_nonCanonicalBase64OrTooManyLines_invalidInput() {
    String nonCanonical = HASH.substring(0, 42) + "B=";
    String sixtyFour = (HASH + "\n").repeat(64);

    assertThatThrownBy(() -> parse("old 1\n" + nonCanonical + "\n\n" + NOTE))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> parse("old 1\n" + sixtyFour + "\n" + NOTE))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("63");
    assertThat(parse("old 1\n" + (HASH + "\n").repeat(63) + "\n" + NOTE).proof()).hasSize(63);
    assertThat(List.of(parse("old 1\n\n" + NOTE).note())).hasSize(1);
  }
}
