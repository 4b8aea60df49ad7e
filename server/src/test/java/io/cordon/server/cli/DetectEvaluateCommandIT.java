package io.cordon.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectEvaluateCommandIT {
  /**
   * Where the command lives: {@code cordon evaluate} on the simulator's branch until the lead
   * registers it under {@code cordon detect}; then this becomes {"detect", "evaluate"}.
   */
  private static final String[] EVALUATE = {"detect", "evaluate"};

  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private Path truth;

  @BeforeEach
  void simulate() {
    CliRun run =
        CliRun.of(
            "simulate", "--users", "40", "--days", "8", "--seed", "9", "--out", dir.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    truth = dir.resolve("truth.jsonl");
  }

  private CliRun evaluate(String... args) {
    String[] all = new String[EVALUATE.length + args.length];
    System.arraycopy(EVALUATE, 0, all, 0, EVALUATE.length);
    System.arraycopy(args, 0, all, EVALUATE.length, args.length);
    return CliRun.of(all);
  }

  /** One high alert a minute after each scenario starts, about its user or its address. */
  private Path oracleAlerts() throws Exception {
    List<String> lines = new ArrayList<>();
    for (String l : Files.readAllLines(truth).subList(1, Files.readAllLines(truth).size())) {
      JsonNode s = JSON.readTree(l);
      ObjectNode a = JSON.createObjectNode();
      a.put("time", Instant.parse(s.path("start").asText()).plusSeconds(60).toString());
      if (s.has("user")) {
        a.put("user", s.path("user").asText());
      } else {
        a.put("ip", s.path("ip").asText());
      }
      a.put("detector", "oracle").put("severity", "high").put("score", 1.0).put("summary", "x");
      a.putObject("evidence");
      a.putArray("events").add(s.path("events").get(0).asLong());
      lines.add(JSON.writeValueAsString(a));
    }
    Path alerts = dir.resolve("alerts.jsonl");
    Files.write(alerts, lines);
    return alerts;
  }

  @Test
  void evaluate_oracleAlerts_fullRecallAndGoalsMet() throws Exception {
    Path alerts = oracleAlerts();
    CliRun run =
        evaluate("--truth", truth.toString(), "--alerts", alerts.toString(), "--check-goals");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("scenario type", "password_spraying", "per 1,000 user-days");
    JsonNode json = JSON.readTree(run.outLines().getLast());
    assertThat(json.path("recall").asDouble()).isEqualTo(1.0);
    assertThat(json.path("falseAlerts").asLong()).isZero();
    assertThat(json.path("burstyMedianTimeToDetectSeconds").asDouble()).isEqualTo(60.0);
    assertThat(json.path("userDays").asLong()).isEqualTo(320);
    assertThat(json.path("goalsMet").asBoolean()).isTrue();

    CliRun only = evaluate("--truth", truth.toString(), "--alerts", alerts.toString(), "--json");
    assertThat(only.outLines()).hasSize(1);
  }

  @Test
  void evaluate_noAlertsWithCheckGoals_exit1() throws Exception {
    Path empty = Files.createFile(dir.resolve("none.jsonl"));
    CliRun run =
        evaluate("--truth", truth.toString(), "--alerts", empty.toString(), "--check-goals");
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("MISSED");
    CliRun plain = evaluate("--truth", truth.toString(), "--alerts", empty.toString());
    assertThat(plain.exit()).isZero();
  }

  @Test
  void evaluate_badInput_exit2NamingFileAndLine() throws Exception {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(
        bad,
        "{\"time\":\"2026-10-10T10:00:00.000Z\",\"ip\":\"198.18.1.1\",\"severity\":\"high\"}\n{\"time\":");
    CliRun run = evaluate("--truth", truth.toString(), "--alerts", bad.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("bad.jsonl line 2", "truncated");
    CliRun missing =
        evaluate("--truth", dir.resolve("nope").toString(), "--alerts", bad.toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("--truth: no such readable file");
    CliRun severity =
        evaluate("--truth", truth.toString(), "--alerts", bad.toString(), "--min-severity", "huge");
    assertThat(severity.exit()).isEqualTo(2);
    assertThat(severity.err()).contains("unknown severity");
    CliRun swapped = evaluate("--truth", bad.toString(), "--alerts", truth.toString());
    assertThat(swapped.exit()).isEqualTo(2);
    assertThat(swapped.err()).contains("bad.jsonl line 1", "world line");
  }
}
