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
 * {@code cordon bench content} end to end with a tiny size: it runs, prints one parsable JSON line
 * last, and every rate in it is positive. House rule: no assertion on any timing or ratio.
 */
class ContentBenchmarkIT {
  @Test
  void benchContent_tinySize_printsOneJsonLineWithPositiveRates() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("bench", "content", "--size", "8m", "--runs", "1");

    assertThat(exit).as(err.toString()).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.getFirst()).startsWith("cordon bench content: 8 MiB");
    assertThat(lines.stream().filter(l -> l.startsWith("{"))).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(lines.getLast());
    assertThat(json.path("bench").asText()).isEqualTo("content");
    assertThat(json.path("sizeBytes").asLong()).isEqualTo(8L << 20);
    assertThat(json.path("goal").asDouble()).isEqualTo(0.6);
    for (String direction : List.of("upload", "download")) {
      for (String field : List.of("mbps", "baselineMbps", "ratio")) {
        assertThat(json.path(direction).path(field).asDouble())
            .as(direction + "." + field)
            .isPositive();
      }
    }
    for (String field :
        List.of("tinkEncryptMbps", "tinkDecryptMbps", "sha256Mbps", "generatorMbps")) {
      assertThat(json.path(field).asDouble()).as(field).isPositive();
    }
    assertThat(json.path("tlsProtocol").asText()).isEqualTo("TLSv1.3");
  }

  @Test
  void benchContent_jsonOnly_printsExactlyTheJsonLine() throws Exception {
    StringWriter out = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));

    int exit = cli.execute("bench", "content", "--size", "1m", "--runs", "1", "--json-only");

    assertThat(exit).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(1);
    assertThat(new ObjectMapper().readTree(lines.getFirst()).path("upload").path("mbps").asDouble())
        .isPositive();
  }

  @Test
  void benchContent_badSize_isBadInput() {
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(new StringWriter()));

    assertThat(cli.execute("bench", "content", "--size", "lots")).isEqualTo(2);
  }
}
