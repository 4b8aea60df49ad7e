package io.cordon.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.content.FileVersion;
import io.cordon.content.Workspace;
import io.cordon.context.RequestContext;
import io.cordon.identity.OrgKind;
import io.cordon.server.Main;
import io.cordon.server.Node;
import io.cordon.server.config.ConfigLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code cordon} command line as an operator uses it, run in-process through {@link Main} with
 * its output captured: exit codes (0 ok, 1 check failed, 2 bad usage or input), what goes to
 * standard output, and the state the commands leave behind. Each test has its own data directory.
 */
class CliIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "admin@home.example";
  private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

  @TempDir Path tmp;
  Path data;
  Path password;

  @BeforeEach
  void files() throws Exception {
    data = tmp.resolve("data");
    password = write("password", "correct horse battery staple\n");
  }

  // --- init -------------------------------------------------------------------------------

  @Test
  void init_freshDirectory_initialisesAndWarnsAboutDevelopmentKey() {
    CliRun run = init();
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Initialised").contains(ADMIN).contains("development");
    assertThat(Files.exists(data.resolve("root.key"))).isTrue();
  }

  @Test
  void init_initialisedDirectory_refusedWithExit2() {
    assertThat(init().exit()).isZero();
    CliRun again = init();
    assertThat(again.exit()).as(again.toString()).isEqualTo(2);
    assertThat(again.err()).contains("already initialised").contains("refusing to overwrite");
  }

  @Test
  void init_tooShortPassword_exit2AndDirectoryLeftUninitialised() throws Exception {
    Path shortPassword = write("short", "too short\n");
    CliRun run =
        CliRun.of(
            "init",
            "--data",
            data.toString(),
            "--admin-user",
            ADMIN,
            "--admin-password-file",
            shortPassword.toString());
    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("password must be between 12");
    // The refusal must not leave a half-made installation behind that blocks a second try.
    CliRun retry = init();
    assertThat(retry.exit()).as(retry.toString()).isZero();
  }

  // --- users and tokens -------------------------------------------------------------------

  @Test
  void userAdd_newPartnerOrg_createsOrgAndUser() throws Exception {
    assertThat(init().exit()).isZero();
    Path userPassword = write("user-password", "sponsor password 123\n");
    CliRun run =
        cli(
            "user",
            "add",
            "qa@sponsor.example",
            "--org",
            "Sponsor Ltd",
            "--partner",
            "--password-file",
            userPassword.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("created partner organisation Sponsor Ltd")
        .contains("created user qa@sponsor.example");
    try (Node n = open()) {
      RequestContext op = n.installation().operatorContext();
      assertThat(n.directory().organisations(op))
          .anySatisfy(
              o -> {
                assertThat(o.name()).isEqualTo("Sponsor Ltd");
                assertThat(o.kind()).isEqualTo(OrgKind.PARTNER);
              });
      assertThat(n.directory().users(op))
          .anySatisfy(u -> assertThat(u.username()).isEqualTo("qa@sponsor.example"));
    }
    CliRun token = cli("token", "create", "--user", "qa@sponsor.example");
    assertThat(token.exit()).as(token.toString()).isZero();
  }

  @Test
  void tokenCreate_existingUser_printsOnlyTheTokenOnStdout() {
    assertThat(init().exit()).isZero();
    CliRun run = cli("token", "create", "--user", ADMIN, "--scopes", "api,metrics", "--ttl", "2h");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out().lines().toList()).hasSize(1);
    assertThat(run.out().strip()).matches("[A-Za-z0-9_\\-]{20,200}");
    assertThat(run.err()).contains("token").contains(ADMIN);
    assertThat(run.err()).doesNotContain(run.out().strip());
  }

  @Test
  void tokenCreate_unknownUserOrBadTtl_exit2() {
    assertThat(init().exit()).isZero();
    CliRun nobody = cli("token", "create", "--user", "nobody@home.example");
    assertThat(nobody.exit()).isEqualTo(2);
    assertThat(nobody.out()).isEmpty();
    assertThat(nobody.err()).contains("nobody@home.example");
    CliRun ttl = cli("token", "create", "--user", ADMIN, "--ttl", "forever");
    assertThat(ttl.exit()).isEqualTo(2);
    assertThat(ttl.err()).contains("--ttl");
  }

  // --- audit ------------------------------------------------------------------------------

  @Test
  void auditExport_wholeTrail_gaplessSeqInEventFormat() throws Exception {
    seedSomeActivity();
    CliRun run = cli("audit", "export");
    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> lines = run.outLines();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
    SoftAssertions soft = new SoftAssertions();
    long expected = 1;
    for (String line : lines) {
      JsonNode e = JSON.readTree(line);
      String what = "seq " + expected + ": " + line;
      soft.assertThat(e.path("seq").asLong()).as(what).isEqualTo(expected++);
      soft.assertThat(e.path("time").asText()).as(what).matches(TIME);
      soft.assertThat(e.path("actor").isObject()).as(what).isTrue();
      soft.assertThat(e.path("actor").path("username").asText()).as(what).isNotBlank();
      soft.assertThat(e.path("action").asText()).as(what).matches("[a-z_]+\\.[a-z_]+");
      soft.assertThat(e.path("outcome").asText()).as(what).isIn("success", "denied", "error");
      // Every event here was made by a CLI command.
      soft.assertThat(e.path("context").path("channel").asText()).as(what).isEqualTo("cli");
      // leaf is the base64 of the exact bytes hashed: the event's JSON without leaf itself.
      byte[] leaf = Base64.getDecoder().decode(e.path("leaf").asText());
      ObjectNode withoutLeaf = e.deepCopy();
      withoutLeaf.remove("leaf");
      soft.assertThat(JSON.readTree(leaf)).as(what).isEqualTo(withoutLeaf);
      // Fields that do not apply are omitted, never null.
      e.fields().forEachRemaining(f -> soft.assertThat(f.getValue().isNull()).as(what).isFalse());
    }
    soft.assertAll();
    List<String> actions = lines.stream().map(l -> readTree(l).path("action").asText()).toList();
    assertThat(actions).contains("user.create", "token.create");
  }

  @Test
  void auditExport_fromTo_exactlyThatRange() throws Exception {
    seedSomeActivity();
    CliRun run = cli("audit", "export", "--from", "3", "--to", "5");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.outLines()).hasSize(3);
    assertThat(run.outLines().stream().map(l -> readTree(l).path("seq").asLong()))
        .containsExactly(3L, 4L, 5L);
    assertThat(cli("audit", "export", "--from", "5", "--to", "3").exit()).isEqualTo(2);
    assertThat(cli("audit", "export", "--from", "0").exit()).isEqualTo(2);
  }

  @Test
  void auditVerify_intactThenRowDeleted_exit0ThenExit1NamingFirstMissingSeq() throws Exception {
    seedSomeActivity();
    CliRun ok = cli("audit", "verify");
    assertThat(ok.exit()).as(ok.toString()).isZero();
    assertThat(ok.out()).contains("intact");

    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("cordon.db"));
        PreparedStatement delete = db.prepareStatement("DELETE FROM audit_events WHERE seq = ?")) {
      delete.setLong(1, 3);
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }
    CliRun broken = cli("audit", "verify");
    assertThat(broken.exit()).as(broken.toString()).isEqualTo(1);
    assertThat(broken.out()).contains("seq 3");
  }

  @Test
  void auditVerify_eventEditedInDatabase_exit1NamingThatSeq() throws Exception {
    seedSomeActivity();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("cordon.db"));
        PreparedStatement edit =
            db.prepareStatement(
                "UPDATE audit_events SET event_json = REPLACE(event_json, '\"success\"',"
                    + " '\"denied\"') WHERE seq = ?")) {
      edit.setLong(1, 2);
      assertThat(edit.executeUpdate()).isEqualTo(1);
    }

    CliRun broken = cli("audit", "verify");

    assertThat(broken.exit()).as(broken.toString()).isEqualTo(1);
    assertThat(broken.out()).contains("seq 2", "modified");
  }

  @Test
  void auditVerifyAgainst_savedCheckpoint_detectsARollbackTheDatabaseHides() throws Exception {
    seedSomeActivity();
    String note;
    try (Node n = open()) {
      note = n.checkpoints().publish().orElseThrow().note();
    }
    Path saved = write("saved.checkpoint", note);
    CliRun intact = cli("audit", "verify", "--against", saved.toString());
    assertThat(intact.exit()).as(intact.toString()).isZero();

    // Roll back the last two events the saved checkpoint covers (and any after it) the way an
    // administrator could: rows, head and checkpoints.
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("cordon.db"));
        Statement st = db.createStatement()) {
      long last = Long.parseLong(note.lines().toList().get(1));
      st.executeUpdate("DELETE FROM audit_events WHERE seq > " + (last - 2));
      st.executeUpdate(
          "UPDATE audit_head SET last_seq = "
              + (last - 2)
              + ", last_chain = (SELECT chain_hash FROM audit_events WHERE seq = "
              + (last - 2)
              + ")");
      st.executeUpdate("DELETE FROM audit_checkpoints");
    }
    CliRun caught = cli("audit", "verify", "--against", saved.toString());
    assertThat(caught.exit()).as(caught.toString()).isEqualTo(1);
    assertThat(caught.out()).contains("rolled back");

    // Without the saved copy the database hides it; and once new events follow, the history has
    // forked from the saved one.
    CliRun fooled = cli("audit", "verify");
    assertThat(fooled.exit()).as(fooled.toString()).isZero();
    cli("audit", "verify");
    CliRun forked = cli("audit", "verify", "--against", saved.toString());
    assertThat(forked.exit()).as(forked.toString()).isEqualTo(1);
    assertThat(forked.out()).contains("forked");
  }

  @Test
  void auditVerifyAgainst_notACheckpoint_exit2WithReason() throws Exception {
    seedSomeActivity();
    try (Node n = open()) {
      n.checkpoints().publish().orElseThrow();
    }
    Path garbage = write("garbage.checkpoint", "cordon/x\n12\nnot base64\n\n— x AAAA\n");

    CliRun bad = cli("audit", "verify", "--against", garbage.toString());
    assertThat(bad.exit()).as(bad.toString()).isEqualTo(2);
    assertThat(bad.err()).contains("not a valid checkpoint");
    CliRun missing = cli("audit", "verify", "--against", tmp.resolve("nope").toString());
    assertThat(missing.exit()).as(missing.toString()).isEqualTo(2);
  }

  // --- keys -------------------------------------------------------------------------------

  @Test
  void keysRotate_everyWorkspace_oneLineEachAndFilesStillDownload() throws Exception {
    assertThat(init().exit()).isZero();
    List<Workspace> spaces = new ArrayList<>();
    List<FileVersion> versions = new ArrayList<>();
    try (Node n = open()) {
      RequestContext as = n.installation().localContextFor(ADMIN);
      for (String name : List.of("alpha", "beta")) {
        Workspace ws = n.workspaces().create(as, name, Optional.empty(), Optional.empty());
        spaces.add(ws);
        versions.add(n.content().upload(as, ws.id(), name + ".txt", stream(name + " v1")));
        versions.add(n.content().upload(as, ws.id(), name + ".txt", stream(name + " v2")));
      }
    }
    CliRun run = cli("keys", "rotate");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.outLines()).hasSize(2);
    for (Workspace ws : spaces) {
      assertThat(run.outLines())
          .anySatisfy(l -> assertThat(l).startsWith(ws.id().value()).contains("2 data keys"));
    }
    try (Node n = open()) {
      RequestContext as = n.installation().localContextFor(ADMIN);
      for (FileVersion v : versions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        n.content().download(as, v.file(), OptionalInt.of(v.number())).writeTo(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith(" v" + v.number());
      }
    }
    CliRun one = cli("keys", "rotate", "--workspace", spaces.get(0).id().value());
    assertThat(one.exit()).as(one.toString()).isZero();
    assertThat(one.outLines()).hasSize(1);
  }

  // --- usage ------------------------------------------------------------------------------

  @Test
  void configDescribe_listsEveryKeyIncludingDbUrl() {
    CliRun run = CliRun.of("config", "describe");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("db.url").contains("sqlite:").contains("http.port");
  }

  @Test
  void unknownCommandOrOption_exit2WithUsage() {
    CliRun command = CliRun.of("frobnicate");
    assertThat(command.exit()).isEqualTo(2);
    assertThat(command.err()).contains("frobnicate").contains("Usage:");
    CliRun option = CliRun.of("audit", "export", "--bogus");
    assertThat(option.exit()).isEqualTo(2);
    assertThat(option.err()).contains("--bogus").contains("Usage:");
    CliRun missing = CliRun.of("token", "create");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("--user");
  }

  @Test
  void help_everyCommand_exit0WithUsage() {
    List<List<String>> paths = new ArrayList<>();
    collect(Main.commandLine(), new ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThan(8);
    SoftAssertions soft = new SoftAssertions();
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      CliRun run = CliRun.of(args.toArray(String[]::new));
      soft.assertThat(run.exit()).as(String.join(" ", args)).isZero();
      soft.assertThat(run.out()).as(String.join(" ", args)).contains("Usage:");
    }
    soft.assertAll();
  }

  // --- passphrase sealing -----------------------------------------------------------------

  @Test
  void passphraseInit_openWithoutOrWithWrongPassphrase_exit2WithClearMessage() throws Exception {
    Path passphrase = write("passphrase", "a passphrase for the root key\n");
    CliRun init =
        CliRun.of(
            "init",
            "--data",
            data.toString(),
            "--admin-user",
            ADMIN,
            "--admin-password-file",
            password.toString(),
            "--passphrase-file",
            passphrase.toString());
    assertThat(init.exit()).as(init.toString()).isZero();
    assertThat(init.out()).contains("sealed by the passphrase").doesNotContain("WARNING");
    assertThat(Files.exists(data.resolve("root.key"))).isFalse();

    CliRun without = cli("audit", "verify");
    assertThat(without.exit()).as(without.toString()).isEqualTo(2);
    assertThat(without.err())
        .contains("--passphrase-file")
        .contains("CORDON_PASSPHRASE")
        .contains("--root-key-file");

    Path wrong = write("wrong", "not the passphrase at all\n");
    CliRun wrongRun = cli("audit", "verify", "--passphrase-file", wrong.toString());
    assertThat(wrongRun.exit()).as(wrongRun.toString()).isEqualTo(2);
    assertThat(wrongRun.err()).contains("does not unseal");

    CliRun right = cli("audit", "verify", "--passphrase-file", passphrase.toString());
    assertThat(right.exit()).as(right.toString()).isZero();
  }

  // --- helpers ----------------------------------------------------------------------------

  private CliRun init() {
    return CliRun.of(
        "init",
        "--data",
        data.toString(),
        "--admin-user",
        ADMIN,
        "--admin-password-file",
        password.toString());
  }

  private CliRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data");
    all.add(data.toString());
    return CliRun.of(all.toArray(String[]::new));
  }

  private void seedSomeActivity() throws Exception {
    assertThat(init().exit()).isZero();
    Path p = write("member-password", "member password 1234\n");
    assertThat(cli("user", "add", "one@home.example", "--password-file", p.toString()).exit())
        .isZero();
    assertThat(cli("user", "add", "two@home.example", "--password-file", p.toString()).exit())
        .isZero();
    assertThat(cli("token", "create", "--user", "one@home.example").exit()).isZero();
  }

  private Node open() {
    return Node.open(
        new ConfigLoader(Map.of()).load(data, Optional.empty()),
        Node.Unseal.none(),
        Clock.systemUTC());
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(tmp.resolve(name), content);
  }

  private static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode readTree(String line) {
    try {
      return JSON.readTree(line);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  private static void collect(CommandLine cmd, List<String> path, List<List<String>> out) {
    for (var sub : cmd.getSubcommands().entrySet()) {
      if (!sub.getValue().getCommandName().equals(sub.getKey())) {
        continue; // an alias
      }
      List<String> here = new ArrayList<>(path);
      here.add(sub.getKey());
      out.add(here);
      collect(sub.getValue(), here, out);
    }
    if (path.isEmpty()) {
      out.add(List.of());
    }
  }
}
