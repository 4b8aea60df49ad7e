package io.cordon.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEventCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

  /** One month of a 60-user world, shared by the tests that only read it. */
  private static Output world;

  record Output(byte[] events, byte[] truth, Simulator.Summary summary) {
    List<String> eventLines() {
      return new String(events, StandardCharsets.UTF_8).lines().toList();
    }

    List<JsonNode> truthLines() throws IOException {
      List<JsonNode> out = new ArrayList<>();
      for (String l : new String(truth, StandardCharsets.UTF_8).lines().toList()) {
        out.add(JSON.readTree(l));
      }
      return out;
    }
  }

  static Output simulate(SimulationSettings s) throws IOException {
    ByteArrayOutputStream events = new ByteArrayOutputStream();
    ByteArrayOutputStream truth = new ByteArrayOutputStream();
    Simulator.Summary summary = new Simulator(s).run(events, truth);
    return new Output(events.toByteArray(), truth.toByteArray(), summary);
  }

  @BeforeAll
  static void simulateOnce() throws IOException {
    world = simulate(SimulationSettings.of(60, 30, 42));
  }

  @Test
  void run_sameSeed_writesIdenticalBytes() throws IOException {
    SimulationSettings s = SimulationSettings.of(40, 8, 7);
    Output a = simulate(s);
    Output b = simulate(s);
    assertThat(a.events()).isEqualTo(b.events());
    assertThat(a.truth()).isEqualTo(b.truth());
    Output other = simulate(SimulationSettings.of(40, 8, 8));
    assertThat(other.events()).isNotEqualTo(a.events());
  }

  @Test
  void run_everyLine_isAnApiEventWithContiguousSeqAndOrderedTimes() throws IOException {
    long expectedSeq = 1;
    Instant previous = Instant.MIN;
    for (String line : world.eventLines()) {
      AuditEvent e = AuditEventCodec.fromJson(line);
      assertThat(e.seq()).as(line).isEqualTo(expectedSeq++);
      assertThat(e.time()).as(line).isAfterOrEqualTo(previous);
      previous = e.time();
      JsonNode o = JSON.readTree(line);
      assertThat(o.path("time").asText()).matches(TIME);
      assertNothingEmpty(o, line);
      boolean transfer = e.action().equals("file.download") || e.action().equals("file.upload");
      if (transfer && e.outcome() == AuditEvent.Outcome.SUCCESS) {
        assertThat(o.path("details").path("bytes").asLong()).as(line).isPositive();
        assertThat(e.object()).isPresent();
        assertThat(e.object().get().classification()).isPresent();
      }
      if (e.action().equals("auth.login_failed")) {
        assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
        assertThat(e.actor().user()).as("a failed login has only the claimed name").isEmpty();
        assertThat(e.actor().username()).isPresent();
      } else {
        assertThat(e.actor().user()).as(line).isPresent();
      }
      assertThat(e.context().ip()).isPresent();
    }
    assertThat(expectedSeq - 1).isEqualTo(world.summary().events()).isGreaterThan(10_000);
  }

  /**
   * Fields that do not apply are omitted: no nulls, no empty strings, arrays or objects. Inside
   * {@code details} the server's own shapes are kept (share.create lists {@code invited} even when
   * empty), so the check stops there.
   */
  private static void assertNothingEmpty(JsonNode node, String line) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode v = f.getValue();
      assertThat(
              v.isNull()
                  || (v.isTextual() && v.asText().isEmpty())
                  || (v.isContainerNode() && v.isEmpty()))
          .as(f.getKey() + " in " + line)
          .isFalse();
      if (v.isObject() && !f.getKey().equals("details")) {
        assertNothingEmpty(v, line);
      }
    }
  }

  @Test
  void truth_header_describesTheWorld() throws IOException {
    JsonNode head = world.truthLines().getFirst();
    assertThat(head.path("kind").asText()).isEqualTo("world");
    assertThat(head.path("format").asText()).isEqualTo("cordon-truth/1");
    assertThat(head.path("users").asInt()).isEqualTo(60);
    assertThat(head.path("days").asInt()).isEqualTo(30);
    assertThat(head.path("userDays").asInt()).isEqualTo(1800);
    assertThat(head.path("events").asLong()).isEqualTo(world.summary().events());
    assertThat(head.path("scenarios").asInt()).isEqualTo(world.truthLines().size() - 1);
  }

  @Test
  void truth_everyScenarioType_presentWithItsEvents() throws IOException {
    List<String> lines = world.eventLines();
    List<JsonNode> truth = world.truthLines();
    for (ScenarioType type : ScenarioType.values()) {
      assertThat(truth.stream().filter(t -> t.path("type").asText().equals(type.code())))
          .as(type.code())
          .isNotEmpty();
    }
    for (JsonNode s : truth.subList(1, truth.size())) {
      assertThat(s.path("events")).as(s.toString()).isNotEmpty();
      Instant start = Instant.parse(s.path("start").asText());
      Instant end = Instant.parse(s.path("end").asText());
      for (JsonNode seq : s.path("events")) {
        AuditEvent e = AuditEventCodec.fromJson(lines.get(seq.asInt() - 1));
        assertThat(e.time()).isBetween(start, end);
        String who = e.actor().username().orElseThrow();
        boolean named =
            contains(s.path("users"), who)
                || contains(s.path("targets"), who)
                || contains(s.path("ips"), e.context().ip().orElseThrow());
        assertThat(named).as("event %s of %s names a party of the scenario", seq, s).isTrue();
      }
    }
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void settings_outOfRange_refused() {
    assertThatThrownBy(() -> SimulationSettings.of(0, 30, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("users");
    assertThatThrownBy(() -> SimulationSettings.of(10, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("days");
    assertThatThrownBy(
            () ->
                new SimulationSettings(
                    10,
                    10,
                    1,
                    SimulationSettings.DEFAULT_START,
                    Map.of(ScenarioType.ACCOUNT_TAKEOVER, -1.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("account_takeover");
  }

  @Test
  void run_rateZero_leavesTheTypeOut() throws IOException {
    Map<ScenarioType, Double> rates = new java.util.EnumMap<>(ScenarioType.class);
    for (ScenarioType t : ScenarioType.values()) {
      rates.put(t, t == ScenarioType.PASSWORD_SPRAYING ? 6.0 : 0.0);
    }
    Output o = simulate(new SimulationSettings(50, 10, 3, SimulationSettings.DEFAULT_START, rates));
    List<JsonNode> truth = o.truthLines();
    assertThat(truth.subList(1, truth.size()))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.path("type").asText()).isEqualTo("password_spraying"));
  }

  @Test
  void run_tooShortForDormancy_saysSoInsteadOfFaking() throws IOException {
    Output o = simulate(SimulationSettings.of(60, 10, 5));
    assertThat(o.summary().skipped()).contains("dormant_reactivation");
    assertThat(o.summary().perType()).doesNotContainKey("dormant_reactivation");
  }
}
