package io.cordon.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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

  @Test
  void inspectJson_docx_extractedAndFound() throws Exception {
    Path docx = dir.resolve("batch-record.docx");
    try (XWPFDocument doc = new XWPFDocument();
        OutputStream out = Files.newOutputStream(docx)) {
      doc.createParagraph().createRun().setText("Batch record for patient SSN 078-05-1123");
      doc.write(out);
    }
    CliRun run = CliRun.of("inspect", "--json", "--data", dir.toString(), docx.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode o = JSON.readTree(run.outLines().getFirst());
    assertThat(o.path("extraction").asText()).isEqualTo("complete");
    assertThat(o.path("mediaType").asText()).contains("wordprocessingml");
    assertThat(o.path("findings").get(0).path("type").asText()).isEqualTo("US_SSN");
    assertThat(run.out()).doesNotContain("078-05-1123");
  }

  @Test
  void inspect_configuredByteLimit_truncatedAndSaysWhy() throws Exception {
    Files.writeString(dir.resolve("cordon.yaml"), "inspect:\n  max-bytes: 64\n");
    Path text = dir.resolve("long.txt");
    Files.writeString(text, "SSN 078-05-1123 " + "filler ".repeat(200));
    CliRun json = CliRun.of("inspect", "--json", "--data", dir.toString(), text.toString());
    JsonNode o = JSON.readTree(json.outLines().getFirst());
    assertThat(o.path("extraction").asText()).isEqualTo("truncated");
    assertThat(o.path("detail").asText()).contains("byte limit of 64");
    assertThat(o.path("findings").get(0).path("type").asText()).isEqualTo("US_SSN");
    CliRun human = CliRun.of("inspect", "--data", dir.toString(), text.toString());
    assertThat(human.out()).contains("extraction truncated (text/plain): byte limit of 64");
  }

  @Test
  void inspectJson_encryptedZip_unscannableWithNothingFound() throws Exception {
    Path zip = dir.resolve("locked.zip");
    Files.write(zip, encryptedLookingZip());
    CliRun run = CliRun.of("inspect", "--json", "--data", dir.toString(), zip.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode o = JSON.readTree(run.outLines().getFirst());
    assertThat(o.path("extraction").asText()).isIn("unscannable", "rejected");
    assertThat(o.path("detail").asText()).isNotBlank();
    assertThat(o.path("findings").size()).isZero();
  }

  /** A zip whose one entry has the "encrypted" flag set and unreadable data, as zip -e leaves. */
  private static byte[] encryptedLookingZip() throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
      z.putNextEntry(new java.util.zip.ZipEntry("patients.txt"));
      z.write("SSN 078-05-1123".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    byte[] b = bytes.toByteArray();
    // General purpose bit 0 (encrypted) in the local header and the central directory entry.
    b[6] |= 1;
    for (int i = 0; i + 8 < b.length; i++) {
      if (b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 0x01 && b[i + 3] == 0x02) {
        b[i + 8] |= 1;
      }
    }
    return b;
  }
}
