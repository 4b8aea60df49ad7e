package io.cordon.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void simulate_smallWorld_writesEventsAndTruthAndNoPartialFiles() throws Exception {
    Path out = dir.resolve("world");
    CliRun run =
        CliRun.of(
            "simulate", "--users", "30", "--days", "6", "--seed", "3", "--out", out.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> events = Files.readAllLines(out.resolve("events.jsonl"));
    List<String> truth = Files.readAllLines(out.resolve("truth.jsonl"));
    JsonNode world = JSON.readTree(truth.getFirst());
    assertThat(world.path("events").asLong()).isEqualTo(events.size());
    assertThat(run.out()).contains(events.size() + " events");
    assertThat(JSON.readTree(events.getLast()).path("seq").asLong()).isEqualTo(events.size());
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("events.jsonl", "truth.jsonl");
    }
    assertThat(run.out()).contains("not placed").contains("dormant_reactivation");
  }

  @Test
  void simulate_badArguments_exit2WithAReason() {
    Path out = dir.resolve("x");
    CliRun zero = CliRun.of("simulate", "--users", "0", "--days", "3", "--out", out.toString());
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).contains("users must be between");
    CliRun type =
        CliRun.of(
            "simulate",
            "--users",
            "5",
            "--days",
            "3",
            "--rate",
            "ufo_landing=2",
            "--out",
            out.toString());
    assertThat(type.exit()).isEqualTo(2);
    assertThat(type.err()).contains("unknown scenario type 'ufo_landing'");
    CliRun start =
        CliRun.of(
            "simulate",
            "--users",
            "5",
            "--days",
            "3",
            "--start",
            "2026-13-01",
            "--out",
            out.toString());
    assertThat(start.exit()).isEqualTo(2);
    assertThat(Files.exists(out.resolve("events.jsonl"))).isFalse();
  }

  @Test
  void simulate_outIsAFile_exit2() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    CliRun run = CliRun.of("simulate", "--users", "5", "--days", "2", "--out", file.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("not a directory");
    assertThat(Files.readString(file)).isEqualTo("x");
  }
}
