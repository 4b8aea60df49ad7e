package io.cordon.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "../etc/passwd",
        "a/b",
        "a\\b",
        "..",
        ".",
        "",
        "   ",
        "x\u0000y",
        "line\nbreak",
        "tab\there"
      })
  void check_pathLikeOrControl_rejected(String name) {
    assertThatThrownBy(() -> FileNames.check(name, "file"))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void check_tooLong_rejectedWithLimit() {
    assertThatThrownBy(() -> FileNames.check("é".repeat(128), "file"))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("255 bytes");
  }

  @Test
  void check_decomposedUnicode_normalisedToNfc() {
    assertThat(FileNames.check("Cafe\u0301.pdf", "file")).isEqualTo("Caf\u00e9.pdf");
  }

  @Test
  void check_ordinaryName_keptTrimmed() {
    assertThat(FileNames.check("  Batch record 2026-11 (v2).pdf ", "file"))
        .isEqualTo("Batch record 2026-11 (v2).pdf");
  }
}
