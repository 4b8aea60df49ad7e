package io.cordon.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void inspectJson_textFile_printsApiFormat() throws Exception {
    Path notes = dir.resolve("notes.txt");
    String text = "Patient MRN: 00482913, SSN 078-05-1123, card 4111 1111 1111 1111.\n";
    Files.writeString(notes, text);
    CliRun run = CliRun.of("inspect", "--json", notes.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode o = JSON.readTree(run.outLines().getFirst());
    assertThat(o.path("file").asText()).isEqualTo(notes.toString());
    assertThat(o.path("classification").asText()).isEqualTo("restricted");
    assertThat(o.path("dataTypes").toString()).isEqualTo("[\"PHI\",\"PII\",\"PCI\"]");
    JsonNode ssn = o.path("findings").get(1);
    assertThat(ssn.path("type").asText()).isEqualTo("US_SSN");
    assertThat(text.substring(ssn.path("start").asInt(), ssn.path("end").asInt()))
        .isEqualTo("078-05-1123");
    assertThat(ssn.path("sample").asText()).isEqualTo("***-**-1123");
    assertThat(run.out()).doesNotContain("078-05-1123", "4111 1111 1111 1111", "00482913");
  }

  @Test
  void inspect_missingFile_exit2AndOthersStillInspected() throws Exception {
    Path ok = dir.resolve("ok.txt");
    Files.writeString(ok, "nothing to see");
    CliRun run = CliRun.of("inspect", "--json", dir.resolve("gone.txt").toString(), ok.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("gone.txt");
    assertThat(run.outLines()).hasSize(1);
    assertThat(JSON.readTree(run.outLines().getFirst()).path("classification").asText())
        .isEqualTo("internal");
  }

  @Test
  void inspect_invalidUtf8_saysSoAndStillFinds() throws Exception {
    Path bad = dir.resolve("bad.txt");
    byte[] head = "x \u00e9 SSN 078-05-1123 ".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 1);
    bytes[head.length] = (byte) 0xFE;
    Files.write(bad, bytes);
    CliRun json = CliRun.of("inspect", "--json", bad.toString());
    JsonNode o = JSON.readTree(json.outLines().getFirst());
    assertThat(o.path("invalidUtf8").asInt()).isEqualTo(1);
    assertThat(o.path("findings").get(0).path("start").asInt()).isEqualTo(8);
    CliRun human = CliRun.of("inspect", bad.toString());
    assertThat(human.out()).contains("not valid UTF-8").contains("US_SSN");
  }

  @Test
  void inspect_hugeSingleLine_streamsWithExactOffsets() throws Exception {
    Path big = dir.resolve("big.txt");
    long filler = 40L * 1024 * 1024;
    byte[] block = "abcdefgh ".repeat(7282).getBytes(StandardCharsets.US_ASCII);
    long written = 0;
    try (OutputStream out = Files.newOutputStream(big)) {
      while (written + block.length <= filler) {
        out.write(block);
        written += block.length;
      }
      out.write("SSN 078-05-1123".getBytes(StandardCharsets.US_ASCII));
    }
    CliRun run = CliRun.of("inspect", "--json", big.toString());
    JsonNode f = JSON.readTree(run.outLines().getFirst()).path("findings").get(0);
    assertThat(f.path("start").asLong()).isEqualTo(written + 4);
    assertThat(f.path("end").asLong()).isEqualTo(written + 15);
  }

  @Test
  void inspect_customDetectorsFromYaml_reportTheirType() throws Exception {
    Path rules = dir.resolve("detectors.yaml");
    Files.writeString(
        rules,
        """
        - type: PROTOCOL_ID
          pattern: 'ACME-\\d{4}-\\d{3}'
          validator: none
          contextWords: [protocol]
          contextRequired: true
          dataType: GXP
          confidence: 0.8
        """);
    Path doc = dir.resolve("doc.txt");
    Files.writeString(doc, "Study protocol ACME-2024-001 amendment 2");
    CliRun run = CliRun.of("inspect", "--json", "--detectors", rules.toString(), doc.toString());
    JsonNode o = JSON.readTree(run.outLines().getFirst());
    assertThat(o.path("findings").get(0).path("type").asText()).isEqualTo("PROTOCOL_ID");
    assertThat(o.path("dataTypes").toString()).isEqualTo("[\"GXP\"]");
    CliRun bad =
        CliRun.of("inspect", "--detectors", dir.resolve("none.yaml").toString(), doc.toString());
    assertThat(bad.exit()).isEqualTo(2);
  }
}
