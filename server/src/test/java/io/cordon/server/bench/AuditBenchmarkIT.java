package io.cordon.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cordon bench audit} end to end on a small trail: it runs all three parts (its own trail
 * must verify and every proof must check, or it fails), prints one parsable JSON line last, and
 * every figure in it is positive. House rule: no assertion on any timing or ratio.
 */
class AuditBenchmarkIT {
  @Test
  void benchAudit_smallTrail_printsOneJsonLineWithPositiveFigures() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int exit =
        cli.execute(
            "bench",
            "audit",
            "--events",
            "2k",
            "--runs",
            "1",
            "--writers",
            "32",
            "--trail",
            "12k",
            "--proofs",
            "50");

    assertThat(exit).as(err.toString()).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.getFirst()).startsWith("cordon bench audit: SQLite");
    assertThat(lines.stream().filter(l -> l.startsWith("{"))).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(lines.getLast());
    assertThat(json.path("bench").asText()).isEqualTo("audit");
    assertThat(json.path("trailSize").asLong()).isEqualTo(12_000);
    assertThat(json.path("proofs").asInt()).isEqualTo(50);
    for (String field :
        List.of(
            "appendsPerSecond",
            "baselinePerSecond",
            "inlineIndexedPerSecond",
            "searchIndexPerSecond",
            "ratio",
            "eventsPerCommit",
            "verifyPerSecond",
            "treeLoadPerSecond",
            "proofP50Ms",
            "proofMaxMs")) {
      assertThat(json.path(field).asDouble()).as(field).isPositive();
    }
    assertThat(err.toString()).contains("checkpoint signed", "verifying the whole trail");
  }

  @Test
  void benchAudit_badCounts_areBadInput() {
    for (String[] args :
        List.of(
            new String[] {"bench", "audit", "--events", "lots"},
            new String[] {"bench", "audit", "--trail", "0"},
            new String[] {"bench", "audit", "--trail", "-5"},
            new String[] {"bench", "audit", "--writers", "0"},
            new String[] {"bench", "audit", "--trail", "99999999999m"})) {
      var cli = Main.commandLine();
      cli.setOut(new PrintWriter(new StringWriter()));
      cli.setErr(new PrintWriter(new StringWriter()));
      assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(2);
    }
  }
}
