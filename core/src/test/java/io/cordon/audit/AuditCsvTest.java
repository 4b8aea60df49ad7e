package io.cordon.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditCsvTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
  void field_formulaStart_prefixedWithQuote(String hostile) {
    String field = AuditCsv.field(hostile);

    String unquoted =
        field.startsWith("\"")
            ? field.substring(1, field.length() - 1).replace("\"\"", "\"")
            : field;
    assertThat(unquoted).isEqualTo("'" + hostile);
  }

  @Test
  void field_rfc4180_quotesCommaQuoteAndLineBreaks() {
    assertThat(AuditCsv.field("plain")).isEqualTo("plain");
    assertThat(AuditCsv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(AuditCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(AuditCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(AuditCsv.field("")).isEmpty();
    assertThat(AuditCsv.field("a=b")).isEqualTo("a=b");
  }

  @Test
  void writeRecord_event_oneRowPerColumnWithVerifiableLeaf() throws Exception {
    AuditEvent event =
        new AuditEvent(
            42,
            Instant.parse("2026-11-22T18:00:00.123Z"),
            new AuditEvent.Actor(
                Optional.of("u_1"),
                Optional.of("=cmd|' /C calc'!A0"),
                Optional.of("org_1"),
                Optional.of("partner"),
                List.of("member"),
                Optional.empty(),
                Optional.of("password")),
            "file.download",
            Optional.of(
                new AuditEvent.AuditObject(
                    "file",
                    "f_1",
                    Optional.of("batch, \"final\".pdf"),
                    Optional.empty(),
                    Optional.empty(),
                    List.of())),
            AuditEvent.Outcome.SUCCESS,
            Optional.empty(),
            new AuditEvent.EventContext("api", Optional.of("192.0.2.1"), null, null, null, null),
            Map.of("bytes", 7));
    byte[] leaf = AuditEventCodec.toJson(event).getBytes(StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();

    AuditCsv.writeHeader(out);
    AuditCsv.writeRecord(out, new AuditRecord(42, leaf, null, null));

    String[] lines = out.toString().split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0].split(",")).containsExactlyElementsOf(AuditCsv.COLUMNS);
    List<String> cells = AuditCsv.cells(new AuditRecord(42, leaf, null, null));
    assertThat(cells).hasSize(AuditCsv.COLUMNS.size());
    assertThat(cells.get(AuditCsv.COLUMNS.indexOf("time"))).isEqualTo("2026-11-22T18:00:00.123Z");
    assertThat(lines[1])
        .contains(",'=cmd|' /C calc'!A0,")
        .contains(",\"batch, \"\"final\"\".pdf\",");
    assertThat(lines[1]).contains(",\"{\"\"bytes\"\":7}\",");
    String leafCell = lines[1].substring(lines[1].lastIndexOf(',') + 1);
    assertThat(Base64.getDecoder().decode(leafCell)).isEqualTo(leaf);
  }
}
