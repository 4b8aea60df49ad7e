package io.cordon.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectReplayCommandTest {
  @TempDir Path dir;

  @Test
  void replay_sprayingWithBadLines_alertAsJsonAndRejectionsCounted() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      lines.add(
          String.format(
              Locale.ROOT,
              "{\"seq\":%d,\"time\":\"2026-11-02T08:%02d:%02d.000Z\",\"actor\":{\"username\":"
                  + "\"user%d@cdmo.example\"},\"action\":\"auth.login_failed\",\"outcome\":"
                  + "\"denied\",\"context\":{\"ip\":\"192.0.2.66\"}}",
              i,
              i / 2,
              (i % 2) * 30,
              i % 15));
    }
    lines.add("{\"seq\":41,\"time\":");
    lines.add(lines.get(5));
    Path events = dir.resolve("events.jsonl");
    Files.write(events, lines);

    CliRun run = CliRun.of("detect", "replay", "--events", events.toString(), "--json");

    assertThat(run.exit()).as(run.toString()).isEqualTo(0);
    JsonNode alert = new ObjectMapper().readTree(run.outLines().getFirst());
    assertThat(alert.get("detector").asText()).isEqualTo("password_spraying");
    assertThat(alert.get("ip").asText()).isEqualTo("192.0.2.66");
    assertThat(alert.has("user")).isFalse();
    assertThat(alert.get("severity").asText()).isEqualTo("high");
    assertThat(alert.get("time").asText()).isEqualTo("2026-11-02T08:02:30.000Z");
    assertThat(alert.get("events").size()).isGreaterThanOrEqualTo(5);
    assertThat(run.err()).contains("2 rejected").contains("malformed=1").contains("out_of_order=1");
  }

  @Test
  void replay_missingFile_badUsage() {
    CliRun run = CliRun.of("detect", "replay", "--events", dir.resolve("none.jsonl").toString());
    assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
  }
}
