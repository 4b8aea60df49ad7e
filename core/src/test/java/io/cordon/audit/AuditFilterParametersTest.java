package io.cordon.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditFilterParametersTest {
  private static AuditFilter parse(Map<String, String> p) {
    return AuditFilterParameters.parse(p::get);
  }

  @Test
  void parse_nothing_isTheWholeTrail() {
    assertThat(parse(Map.of())).isEqualTo(AuditFilter.all());
  }

  @Test
  void parse_everyParameter_becomesTheTypedCriterion() {
    AuditFilter f =
        parse(
            Map.ofEntries(
                Map.entry("actor", "alice@cdmo.example"),
                Map.entry("org", "org_0123456789abcdefghjk"),
                Map.entry("action", "file.*"),
                Map.entry("objectType", "file"),
                Map.entry("object", "f_0123456789abcdefghjk"),
                Map.entry("workspace", "ws_0123456789abcdefghjk"),
                Map.entry("outcome", "denied"),
                Map.entry("since", "2026-11-22t19:00:00.5+01:00"),
                Map.entry("until", "2026-11-23T00:00:00z"),
                Map.entry("from", "7"),
                Map.entry("to", "70")));

    assertThat(f.action().orElseThrow()).isEqualTo(new ActionPattern("file.", true));
    assertThat(f.outcome()).contains(AuditEvent.Outcome.DENIED);
    assertThat(f.since()).contains(Instant.parse("2026-11-22T18:00:00.5Z"));
    assertThat(f.until()).contains(Instant.parse("2026-11-23T00:00:00Z"));
    assertThat(f.fromSeq()).isEqualTo(7);
    assertThat(f.toSeq()).isEqualTo(70);
    assertThat(f.describe())
        .containsEntry("action", "file.*")
        .containsEntry("since", "2026-11-22T18:00:00.500Z")
        .containsEntry("to", 70L);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "since|yesterday",
        "since|2026-11-22",
        "since|2026-11-22T18:00:00",
        "since|1969-12-31T23:59:59Z",
        "until|+10000-01-01T00:00:00Z",
        "until|2026-13-01T00:00:00Z",
        "outcome|maybe",
        "outcome|SUCCESS",
        "action|file",
        "action|*",
        "action|file.download' OR '1'='1",
        "action|file.%",
        "action|File.Download",
        "objectType|file; DROP TABLE audit_events",
        "org|../../etc/passwd",
        "workspace|ws_short",
        "from|0",
        "from|-1",
        "from|99999999999999999999",
        "from|1e3",
        "to|abc",
        "actor|''",
      })
  void parse_badValue_invalidInputNamingTheParameter(String name, String value) {
    String v = value.equals("''") ? "" : value;
    assertThatThrownBy(() -> parse(Map.of(name, v)))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("'" + name + "'");
  }

  @Test
  void parse_sinceNotBeforeUntil_refused() {
    assertThatThrownBy(
            () -> parse(Map.of("since", "2026-11-23T00:00:00Z", "until", "2026-11-22T00:00:00Z")))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("'until'");
    assertThatThrownBy(
            () -> parse(Map.of("since", "2026-11-23T00:00:00Z", "until", "2026-11-23T00:00:00Z")))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void parse_toBeforeFrom_refused() {
    assertThatThrownBy(() -> parse(Map.of("from", "5", "to", "3")))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("'to'");
  }

  @Test
  void parse_oversizeOrControlCharacters_refused() {
    assertThatThrownBy(() -> parse(Map.of("actor", "a".repeat(257))))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> parse(Map.of("object", "f_1\nforged line")))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("'object'");
  }

  @Test
  void actionPattern_prefixAndExact_matchAsTheStoreDoes() {
    ActionPattern prefix = ActionPattern.parse("file.*");
    ActionPattern exact = ActionPattern.parse("file.download");

    assertThat(prefix.matches("file.upload")).isTrue();
    assertThat(prefix.matches("filex.upload")).isFalse();
    assertThat(exact.matches("file.download")).isTrue();
    assertThat(exact.matches("file.download_failed")).isFalse();
    assertThat(prefix).hasToString("file.*");
  }
}
