package io.cordon.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JustificationsTest {
  @Test
  void absentOrBlank_isNoJustification() {
    assertThat(Justifications.parse(null)).isEmpty();
    assertThat(Justifications.parse("   ")).isEmpty();
  }

  @Test
  void percentEncodedUtf8_isDecoded_plusStaysAPlus() {
    assertThat(Justifications.parse("Pr%C3%BCfung%20DV-1043+CAPA"))
        .contains("Prüfung DV-1043+CAPA");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ok", "line%0Abreak", "bad%zzescape", "%C3", "tab%09x"})
  void tooShortControlCharactersOrBrokenEncoding_refused(String header) {
    assertThatThrownBy(() -> Justifications.parse(header))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("Cordon-Justification");
  }

  @Test
  void longerThanTheLimit_refused_atTheLimit_accepted() {
    assertThat(Justifications.parse("x".repeat(Justifications.MAX_CHARS))).isPresent();
    assertThatThrownBy(() -> Justifications.parse("x".repeat(Justifications.MAX_CHARS + 1)))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> Justifications.parse("%41".repeat(Justifications.MAX_CHARS * 4)))
        .isInstanceOf(CordonException.InvalidInput.class);
  }
}
