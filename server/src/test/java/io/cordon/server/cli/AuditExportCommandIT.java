package io.cordon.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cordon audit export} with filters, {@code --format csv} and {@code --out}: the filters of
 * the HTTP API, exit 2 on bad input with nothing written, and an output file that appears complete
 * or not at all.
 */
class AuditExportCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "admin@home.example";

  @TempDir Path tmp;
  Path data;

  @BeforeEach
  void initialise() throws Exception {
    data = tmp.resolve("data");
    Path pw = Files.writeString(tmp.resolve("pw"), "correct horse battery staple\n");
    assertThat(
            CliRun.of(
                    "init",
                    "--data",
                    data.toString(),
                    "--admin-user",
                    ADMIN,
                    "--admin-password-file",
                    pw.toString())
                .exit())
        .isZero();
    Path userPw = Files.writeString(tmp.resolve("user-pw"), "sponsor password 123\n");
    for (String user : List.of("qa@sponsor.example", "pm@sponsor.example")) {
      CliRun add =
          cli(
              "user",
              "add",
              user,
              "--org",
              "Sponsor Ltd",
              "--partner",
              "--password-file",
              userPw.toString());
      assertThat(add.exit()).as(add.toString()).isZero();
    }
  }

  @Test
  void export_actionFilter_onlyThoseEvents_andExportAudited() throws Exception {
    CliRun run = cli("audit", "export", "--action", "user.*", "--outcome", "success");
    assertThat(run.exit()).as(run.toString()).isZero();
    List<JsonNode> events = events(run.out());
    assertThat(events)
        .extracting(e -> e.path("action").asText())
        .containsOnly("user.create")
        .hasSize(3); // the administrator and two partner users

    CliRun audited = cli("audit", "export", "--action", "audit.export");
    JsonNode first = events(audited.out()).getFirst();
    assertThat(first.path("details").path("count").asLong()).isEqualTo(3);
    assertThat(first.path("details").path("filter").path("action").asText()).isEqualTo("user.*");
    assertThat(first.path("context").path("channel").asText()).isEqualTo("cli");
  }

  @Test
  void export_csvToFile_headerRowsAndNoTemporaryLeftBehind() throws Exception {
    Path out = tmp.resolve("trail.csv");
    CliRun run =
        cli(
            "audit",
            "export",
            "--format",
            "csv",
            "--from",
            "2",
            "--to",
            "3",
            "--out",
            out.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("exported 2 events");
    String csv = Files.readString(out, StandardCharsets.UTF_8);
    List<String> lines = List.of(csv.split("\r\n"));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("seq,time,actor_user,");
    assertThat(lines.get(1)).startsWith("2,");
    assertThat(lines.get(2)).startsWith("3,");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void export_badInput_exit2AndNothingWritten() throws Exception {
    Path out = tmp.resolve("never.jsonl");
    List<List<String>> bad =
        List.of(
            List.of("--since", "yesterday"),
            List.of("--since", "2026-11-23T00:00:00Z", "--until", "2026-11-22T00:00:00Z"),
            List.of("--outcome", "maybe"),
            List.of("--action", "user.create' OR '1'='1"),
            List.of("--format", "xml"),
            List.of("--from", "0"),
            List.of("--from", "5", "--to", "3"),
            List.of("--workspace", "../etc"),
            List.of("--from", "abc"),
            List.of("--actor", ""));
    for (List<String> args : bad) {
      List<String> all =
          new java.util.ArrayList<>(List.of("audit", "export", "--out", out.toString()));
      all.addAll(args);
      CliRun run = cli(all.toArray(String[]::new));
      assertThat(run.exit()).as(args + " → " + run).isEqualTo(2);
      assertThat(out).doesNotExist();
    }
    CliRun dir = cli("audit", "export", "--out", tmp.toString());
    assertThat(dir.exit()).isEqualTo(2);
    CliRun missing = cli("audit", "export", "--out", tmp.resolve("no/such/dir/x").toString());
    assertThat(missing.exit()).isEqualTo(2);
  }

  @Test
  void export_existingOutFile_replacedWhole() throws Exception {
    Path out = tmp.resolve("trail.jsonl");
    Files.writeString(out, "old content that must not survive\n");
    CliRun run = cli("audit", "export", "--actor", "QA@SPONSOR.EXAMPLE", "--out", out.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    String text = Files.readString(out);
    assertThat(text).doesNotContain("old content");
    // qa's creation names qa as the object, not as the actor: the actor filter finds no events.
    assertThat(events(text)).isEmpty();
    CliRun byObject = cli("audit", "export", "--object-type", "user");
    assertThat(events(byObject.out())).hasSize(3);
  }

  private CliRun cli(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data";
    all[args.length + 1] = data.toString();
    return CliRun.of(all);
  }

  private static List<JsonNode> events(String jsonl) {
    return jsonl.lines().filter(l -> !l.isBlank()).map(AuditExportCommandIT::parse).toList();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
