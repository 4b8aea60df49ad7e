package io.cordon.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An event serialised before it has a number: the number spliced in later must give exactly the
 * bytes the codec writes for the numbered event, or every leaf hash would differ from what a
 * verifier recomputes.
 */
class PreparedEventTest {
  @Test
  void leafData_anyNumber_isTheCodecsJsonOfTheNumberedEvent() {
    AuditEvent e = event("Zoë, Größe, 東京 \"quoted\"");
    PreparedEvent prepared = PreparedEvent.of(e.withSeq(77));

    for (long seq : new long[] {1, 9, 10, 999_999, 1_000_000, 10_000_000_000L, Long.MAX_VALUE}) {
      String expected = AuditEventCodec.toJson(e.withSeq(seq));
      assertThat(prepared.json(seq)).isEqualTo(expected);
      assertThat(prepared.leafData(seq)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
      assertThat(prepared.numbered(seq)).isEqualTo(e.withSeq(seq));
    }
  }

  @Test
  void of_ignoresTheEventsOwnNumber() {
    AuditEvent e = event("a");

    assertThat(PreparedEvent.of(e.withSeq(5)).json(3))
        .isEqualTo(PreparedEvent.of(e.withSeq(0)).json(3));
    assertThat(PreparedEvent.of(e.withSeq(5)).event().seq()).isZero();
  }

  private static AuditEvent event(String name) {
    return new AuditEvent(
        0,
        Instant.parse("2026-11-23T10:00:00.123Z"),
        new AuditEvent.Actor(
            Optional.of("u-1"),
            Optional.of("qa@cdmo.example"),
            Optional.of("o-1"),
            Optional.of("home"),
            List.of("member"),
            Optional.of("s-1"),
            Optional.of("password")),
        "file.download",
        Optional.of(
            new AuditEvent.AuditObject(
                "file",
                "f-1",
                Optional.of(name),
                Optional.of("w-1"),
                Optional.of("restricted"),
                List.of("PHI"))),
        AuditEvent.Outcome.SUCCESS,
        Optional.empty(),
        new AuditEvent.EventContext(
            "api",
            Optional.of("198.51.100.4"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()),
        Map.of("bytes", 1));
  }
}
