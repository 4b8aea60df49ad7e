package io.cordon.detect.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  private static final String WORLD =
      "{\"kind\":\"world\",\"format\":\"cordon-truth/1\",\"users\":100,\"days\":20,\"userDays\":2000}\n";
  private static final String TAKEOVER =
      "{\"kind\":\"scenario\",\"id\":\"sc-1\",\"type\":\"account_takeover\",\"user\":\"qa@cdmo.example\","
          + "\"users\":[\"qa@cdmo.example\"],\"ips\":[\"198.18.3.4\"],\"start\":\"2026-10-10T10:00:00.000Z\","
          + "\"end\":\"2026-10-10T10:30:00.000Z\",\"bursty\":true,\"events\":[100,101,102]}\n";
  private static final String SPRAY =
      "{\"kind\":\"scenario\",\"id\":\"sc-2\",\"type\":\"password_spraying\",\"ip\":\"198.18.9.9\","
          + "\"targets\":[\"pm@cdmo.example\"],\"start\":\"2026-10-11T02:00:00.000Z\","
          + "\"end\":\"2026-10-11T02:40:00.000Z\",\"bursty\":true,\"events\":[200,201]}\n";
  private static final String SLOW =
      "{\"kind\":\"scenario\",\"id\":\"sc-3\",\"type\":\"low_and_slow_exfiltration\",\"users\":[\"sci@cdmo.example\"],"
          + "\"start\":\"2026-10-12T09:00:00.000Z\",\"end\":\"2026-10-16T17:00:00.000Z\",\"bursty\":false,\"events\":[300]}\n";

  private static EvaluationReport score(String truth, String alerts) {
    return score(truth, alerts, Evaluation.Options.defaults());
  }

  private static EvaluationReport score(String truth, String alerts, Evaluation.Options options) {
    Truth t = TruthReader.read("truth.jsonl", new BufferedReader(new StringReader(truth)));
    Evaluation e = new Evaluation(t, options);
    AlertReader.read("alerts.jsonl", new BufferedReader(new StringReader(alerts)), e);
    return e.report();
  }

  private static String alert(String time, String who, String severity) {
    String party = who.contains("@") ? "\"user\":\"" + who + "\"" : "\"ip\":\"" + who + "\"";
    return "{\"time\":\""
        + time
        + "\","
        + party
        + ",\"detector\":\"d\",\"severity\":\""
        + severity
        + "\",\"score\":0.9,\"summary\":\"s\",\"evidence\":{},\"events\":[]}\n";
  }

  private static EvaluationReport.TypeScore type(EvaluationReport r, String type) {
    return r.types().stream().filter(t -> t.type().equals(type)).findFirst().orElseThrow();
  }

  @Test
  void evaluate_alertInWindow_detectsWithTimeToDetect() {
    EvaluationReport r =
        score(WORLD + TAKEOVER, alert("2026-10-10T10:04:00.000Z", "qa@cdmo.example", "high"));
    assertThat(type(r, "account_takeover").detected()).isEqualTo(1);
    assertThat(type(r, "account_takeover").medianTimeToDetect()).contains(Duration.ofMinutes(4));
    assertThat(r.burstyMedianTimeToDetect()).contains(Duration.ofMinutes(4));
    assertThat(r.falseAlerts()).isZero();
  }

  @Test
  void evaluate_alertBeforeStart_doesNotDetectAndIsFalse() {
    EvaluationReport r =
        score(WORLD + TAKEOVER, alert("2026-10-10T09:59:59.999Z", "qa@cdmo.example", "high"));
    assertThat(r.detected()).isZero();
    assertThat(r.falseAlerts()).isEqualTo(1);
    assertThat(r.falseAlertsPer1000UserDays()).isEqualTo(0.5);
  }

  @Test
  void evaluate_graceAfterEnd_oneHourForBurstyAndTwentyFourForSlow() {
    String alerts =
        alert("2026-10-10T11:30:00.000Z", "qa@cdmo.example", "high")
            + alert("2026-10-17T16:00:00.000Z", "sci@cdmo.example", "medium");
    EvaluationReport r = score(WORLD + TAKEOVER + SLOW, alerts);
    assertThat(type(r, "account_takeover").detected()).isEqualTo(1);
    assertThat(type(r, "low_and_slow_exfiltration").detected()).isEqualTo(1);
    assertThat(type(r, "low_and_slow_exfiltration").bursty()).isFalse();
    EvaluationReport late =
        score(WORLD + TAKEOVER, alert("2026-10-10T11:30:00.001Z", "qa@cdmo.example", "high"));
    assertThat(late.detected()).isZero();
    assertThat(late.falseAlerts()).isEqualTo(1);
    EvaluationReport strict =
        score(
            WORLD + TAKEOVER,
            alert("2026-10-10T10:45:00.000Z", "qa@cdmo.example", "high"),
            new Evaluation.Options(Severity.MEDIUM, Optional.of(Duration.ofMinutes(10))));
    assertThat(strict.detected()).isZero();
  }

  @Test
  void evaluate_duplicates_detectOnceButEachFalseCounts() {
    String hit = alert("2026-10-10T10:10:00.000Z", "qa@cdmo.example", "critical");
    String stray = alert("2026-10-13T10:10:00.000Z", "pm@cdmo.example", "medium");
    EvaluationReport r = score(WORLD + TAKEOVER, hit + hit + stray + stray);
    assertThat(r.detected()).isEqualTo(1);
    assertThat(r.detecting()).isEqualTo(2);
    assertThat(r.falseAlerts()).isEqualTo(2);
    assertThat(r.alerts()).isEqualTo(4);
  }

  @Test
  void evaluate_unknownUserAndLowSeverity() {
    String alerts =
        alert("2026-10-10T10:10:00.000Z", "nobody@elsewhere.example", "high")
            + alert("2026-10-10T10:10:00.000Z", "qa@cdmo.example", "low")
            + alert("2026-10-10T10:10:00.000Z", "other@cdmo.example", "low");
    EvaluationReport r = score(WORLD + TAKEOVER, alerts);
    assertThat(r.falseAlerts()).as("the unknown user's alert").isEqualTo(1);
    assertThat(r.belowSeverity()).isEqualTo(2);
    assertThat(r.detected()).as("a low alert does not detect").isZero();
    EvaluationReport lenient =
        score(WORLD + TAKEOVER, alerts, new Evaluation.Options(Severity.LOW, Optional.empty()));
    assertThat(lenient.detected()).isEqualTo(1);
    assertThat(lenient.falseAlerts()).isEqualTo(2);
  }

  @Test
  void evaluate_addressScenario_matchesByIpAndExcusesTargets() {
    String alerts =
        alert("2026-10-11T02:05:00.000Z", "198.18.9.9", "high")
            + alert("2026-10-11T02:06:00.000Z", "pm@cdmo.example", "medium");
    EvaluationReport r = score(WORLD + SPRAY, alerts);
    assertThat(type(r, "password_spraying").detected()).isEqualTo(1);
    assertThat(type(r, "password_spraying").medianTimeToDetect()).contains(Duration.ofMinutes(5));
    assertThat(r.excused()).isEqualTo(1);
    assertThat(r.falseAlerts()).isZero();
    EvaluationReport targetOnly =
        score(WORLD + SPRAY, alert("2026-10-11T02:06:00.000Z", "pm@cdmo.example", "high"));
    assertThat(targetOnly.detected()).as("a sprayed account is not the attacker").isZero();
  }

  @Test
  void evaluate_evidenceHoldsAScenarioEvent_matchesAfterTheWindow() {
    String a =
        "{\"time\":\"2026-10-10T14:00:00.000Z\",\"user\":\"qa@cdmo.example\",\"severity\":\"high\","
            + "\"events\":[7,102]}\n";
    EvaluationReport r = score(WORLD + TAKEOVER, a);
    assertThat(r.detected()).isEqualTo(1);
    assertThat(r.falseAlerts()).isZero();
  }

  @Test
  void evaluate_medianOverEvenCount_isTheMeanOfTheMiddleTwo() {
    assertThat(
            Evaluation.median(
                java.util.List.of(
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(9),
                    Duration.ofMinutes(3),
                    Duration.ofMinutes(5))))
        .contains(Duration.ofMinutes(4));
    assertThat(Evaluation.median(java.util.List.of())).isEmpty();
  }

  @Test
  void evaluate_goals() {
    EvaluationReport none = score(WORLD + TAKEOVER + SPRAY, "");
    assertThat(none.alerts()).isZero();
    assertThat(none.meetsRecallGoal()).isFalse();
    assertThat(none.meetsFalseAlertGoal()).isTrue();
    assertThat(none.meetsTimeToDetectGoal()).isFalse();
    String both =
        alert("2026-10-10T10:01:00.000Z", "qa@cdmo.example", "high")
            + alert("2026-10-11T02:20:00.000Z", "198.18.9.9", "high");
    EvaluationReport good = score(WORLD + TAKEOVER + SPRAY, both);
    assertThat(good.burstyMedianTimeToDetect()).contains(Duration.ofSeconds(630));
    assertThat(good.meetsGoals()).isTrue();
    String slow =
        alert("2026-10-10T10:25:00.000Z", "qa@cdmo.example", "high")
            + alert("2026-10-11T02:30:00.000Z", "198.18.9.9", "high");
    EvaluationReport late = score(WORLD + TAKEOVER + SPRAY, slow);
    assertThat(late.meetsRecallGoal()).isTrue();
    assertThat(late.meetsTimeToDetectGoal()).isFalse();
    String noisy = both + alert("2026-10-12T00:00:00.000Z", "x@cdmo.example", "medium").repeat(3);
    assertThat(score(WORLD + TAKEOVER + SPRAY, noisy).meetsFalseAlertGoal())
        .as("1.5 per 1,000")
        .isFalse();
  }

  @Test
  void truth_malformedLines_errorsNameTheLine() {
    assertThatThrownBy(() -> score("", ""))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("truth.jsonl: empty");
    assertThatThrownBy(() -> score(TAKEOVER, ""))
        .hasMessageContaining("truth.jsonl line 1")
        .hasMessageContaining("world line");
    assertThatThrownBy(() -> score(WORLD + TAKEOVER.substring(0, 80), ""))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("truth.jsonl line 2")
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> score(WORLD + TAKEOVER.replace("\"start\"", "\"begin\""), ""))
        .hasMessageContaining("line 2: missing field 'start'");
    assertThatThrownBy(() -> score(WORLD + TAKEOVER + TAKEOVER, ""))
        .hasMessageContaining("line 3")
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> score(WORLD + TAKEOVER.replace("10:30:00", "09:30:00"), ""))
        .hasMessageContaining("line 2")
        .hasMessageContaining("ends before it starts");
    assertThatThrownBy(() -> score(WORLD.replace("\"userDays\":2000", "\"userDays\":-1"), ""))
        .hasMessageContaining("line 1: field 'userDays'");
    assertThatThrownBy(() -> score(WORLD + "\n[1,2]\n", ""))
        .hasMessageContaining("line 3: not a JSON object");
  }

  @Test
  void alerts_malformedLines_errorsNameTheLine() {
    String ok = alert("2026-10-10T10:04:00.000Z", "qa@cdmo.example", "high");
    assertThatThrownBy(() -> score(WORLD + TAKEOVER, ok + "{\"time\":\"2026-10-10T10:0"))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("alerts.jsonl line 2")
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> score(WORLD + TAKEOVER, ok + ok.replace("\"time\"", "\"when\"")))
        .hasMessageContaining("alerts.jsonl line 2: missing field 'time'");
    assertThatThrownBy(() -> score(WORLD + TAKEOVER, ok.replace("\"high\"", "\"severe\"")))
        .hasMessageContaining("line 1: unknown severity 'severe'");
    assertThatThrownBy(
            () -> score(WORLD + TAKEOVER, ok.replace("\"user\":\"qa@cdmo.example\",", "")))
        .hasMessageContaining("line 1: an alert must name a 'user' or an 'ip'");
    assertThatThrownBy(
            () -> score(WORLD + TAKEOVER, ok.replace("2026-10-10T10:04:00.000Z", "yesterday")))
        .hasMessageContaining("line 1: field 'time' is not an RFC 3339 UTC time");
    assertThatThrownBy(
            () -> score(WORLD + TAKEOVER, ok.replace("\"events\":[]", "\"events\":[\"x\"]")))
        .hasMessageContaining("line 1: field 'events'");
  }
}
