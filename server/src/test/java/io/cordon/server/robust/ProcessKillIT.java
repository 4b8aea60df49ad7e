package io.cordon.server.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.server.cli.CliRun;
import io.cordon.testing.FreshPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real {@code cordon serve} process, killed with SIGKILL while an upload streams into it: the
 * crash a power cut or the kernel's OOM killer causes. No code of the server runs after the signal,
 * so what is on disk is what a crash leaves. Afterwards the server restarts cleanly on the same
 * data directory, nothing of the upload is visible (no file, no version, no success in the audit
 * trail), no plaintext was ever written, the audit trail verifies, and the same name uploads and
 * downloads byte for byte.
 *
 * <p>The leftovers (the unfinished temporary blob, and a published blob that no version refers to,
 * as a crash between publishing and committing leaves) are swept at start with SQLite, where no
 * other node can have an upload in flight. With PostgreSQL other nodes may share the data, so the
 * start-up sweep keeps what is younger than 24 hours; the leftovers stay invisible until {@code
 * cordon blobs sweep --grace 0s}, run while no node serves, removes them.
 *
 * <p>Only the server runs as its own process; the offline commands around it ({@code init}, {@code
 * blobs sweep}, {@code audit verify}) run through the same command line in this JVM, to keep the
 * test fast.
 */
class ProcessKillIT {
  private static final String ADMIN = "admin@home.example";
  private static final String PASSWORD = "correct horse battery staple";
  private static final String NAME = "tech transfer package.zip";

  /** SIGKILL as a JVM reports it: 128 + 9. */
  private static final int KILLED = 137;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Database.class)
  void serve_killedMidUpload_restartsCleanAndNothingOfTheUploadRemains(Database db)
      throws Exception {
    FreshPostgres postgres =
        db == Database.POSTGRESQL ? FreshPostgres.create("cordon_robust") : null;
    try {
      Path data = Files.createDirectories(dir.resolve("data"));
      if (postgres != null) {
        Files.writeString(data.resolve("cordon.yaml"), "db:\n  url: " + postgres.url() + "\n");
      }
      killAndRestart(data, db);
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  private void killAndRestart(Path data, Database db) throws Exception {
    Path password = Files.writeString(dir.resolve("admin-password"), PASSWORD + "\n");
    CliRun init =
        CliRun.of(
            "init",
            "--data",
            data.toString(),
            "--admin-user",
            ADMIN,
            "--admin-password-file",
            password.toString());
    assertThat(init.exit()).as(init.toString()).isZero();
    BlobDirectory blobs = new BlobDirectory(data.resolve("blobs"));
    MarkedContent killed = new MarkedContent("KILLED-UPLOAD-PLAINTEXT", 1L << 30);

    String ws;
    try (CordonProcess server = CordonProcess.serve(data)) {
      // The log line follows the "serving" line on stdout that serve() waits for.
      String backend = "with " + db.name().toLowerCase(java.util.Locale.ROOT);
      Polling.await("the server to log its metadata backend", () -> server.err().contains(backend));
      Client admin = client(data, server).login(ADMIN, PASSWORD);
      ws = admin.workspace("crash");
      try (RawUpload upload = RawUpload.begin(admin, ws, NAME, killed.length())) {
        CompletableFuture<Long> sender =
            CompletableFuture.supplyAsync(
                () -> {
                  try (InputStream body = killed.stream()) {
                    upload.send(body, killed.length());
                    return upload.sent();
                  } catch (IOException expected) {
                    return upload.sent(); // the server died under us
                  }
                });
        Polling.await(
            "the server has written 8 MiB of the upload", () -> blobs.temporaryBytes() > 8 << 20);
        assertThat(sender).as("still sending when the server dies").isNotDone();
        assertThat(server.kill()).as("exit status after SIGKILL").isEqualTo(KILLED);
        long sent = sender.get(30, TimeUnit.SECONDS);
        assertThat(sent).as("bytes sent before the kill").isLessThan(killed.length());
      }
    }

    // What the crash left: an unfinished temporary, never a published blob, never plaintext.
    List<Path> temporaries = blobs.temporaries();
    assertThat(temporaries).as("temporaries after the crash").hasSize(1);
    assertThat(blobs.published()).as("published blobs after the crash").isEmpty();
    assertThat(BlobDirectory.filesContaining(data, killed.markerBytes()))
        .as("files holding plaintext after the crash")
        .isEmpty();
    // The other window a crash can hit: a blob published whose version was never committed.
    Path orphan = data.resolve("blobs/5e/5e0f6a0c1d2b3e4f5a6b7c8d9e0f1a2b");
    Files.createDirectories(orphan.getParent());
    Files.copy(temporaries.getFirst(), orphan);

    MarkedContent retry = new MarkedContent("RETRIED-UPLOAD-PLAINTEXT", 24L << 20);
    try (CordonProcess server = CordonProcess.serve(data)) {
      assertThat(server.err()).as("log of the restart").doesNotContain("ERROR", "Exception");
      if (db == Database.SQLITE) {
        // Start-up sweeps before listening: by the time it serves, the leftovers are gone.
        assertThat(blobs.temporaries()).as("temporaries after the restart").isEmpty();
        assertThat(blobs.published()).as("published blobs after the restart").isEmpty();
        assertThat(server.err())
            .as("log of the restart")
            .contains("removed 1 unfinished uploads and 1 orphaned blobs");
      } else {
        assertThat(blobs.temporaries()).as("temporaries after the restart").hasSize(1);
        assertThat(orphan).exists();
      }
      Client admin = client(data, server).login(ADMIN, PASSWORD);
      assertThat(admin.get("/readyz").status()).isEqualTo(200);
      assertThat(admin.files(ws)).as("listing after the restart").isEmpty();
      assertThat(admin.events("file.upload", NAME))
          .as("file.upload events of the killed upload")
          .noneMatch(e -> e.path("outcome").asText().equals("success"));

      Client.Answer up = admin.upload(ws, NAME, retry.length(), retry::stream);
      assertThat(up.status()).as("upload after the restart: %s", up).isEqualTo(201);
      assertThat(up.body().path("version").asInt()).as("first real version").isEqualTo(1);
      assertThat(up.body().path("sha256").asText()).isEqualTo(retry.sha256());
      String fileId = up.body().path("id").asText();
      assertThat(sha256(admin.download(fileId, 1))).isEqualTo(retry.sha256());
      assertThat(admin.files(ws)).hasSize(1);

      List<JsonNode> events = admin.events();
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i).path("seq").asLong()).as("audit sequence").isEqualTo(i + 1L);
      }
      List<JsonNode> uploads = admin.events("file.upload", NAME);
      assertThat(uploads.stream().filter(e -> e.path("outcome").asText().equals("success")))
          .singleElement()
          .satisfies(e -> assertThat(e.path("details").path("version").asInt()).isEqualTo(1));
      server.stop();
    }

    // With no node serving, an operator's sweep without grace removes whatever is left, and
    // only that: the blob of the committed version stays.
    CliRun sweep = CliRun.of("blobs", "sweep", "--data", data.toString(), "--grace", "0s");
    assertThat(sweep.exit()).as(sweep.toString()).isZero();
    assertThat(sweep.out())
        .contains(
            db == Database.SQLITE
                ? "removed 0 unfinished uploads and 0 orphaned blobs"
                : "removed 1 unfinished uploads and 1 orphaned blobs");
    assertThat(blobs.temporaries()).isEmpty();
    assertThat(blobs.published()).hasSize(1);

    assertThat(BlobDirectory.filesContaining(data, killed.markerBytes())).isEmpty();
    assertThat(BlobDirectory.filesContaining(data, retry.markerBytes())).isEmpty();
    CliRun verify = CliRun.of("audit", "verify", "--data", data.toString());
    assertThat(verify.exit()).as(verify.toString()).isZero();
    assertThat(verify.out()).contains("intact");
    if (db == Database.SQLITE) {
      try (Connection sqlite =
              DriverManager.getConnection("jdbc:sqlite:" + data.resolve("cordon.db"));
          Statement st = sqlite.createStatement();
          ResultSet check = st.executeQuery("PRAGMA integrity_check")) {
        assertThat(check.next()).isTrue();
        assertThat(check.getString(1)).as("SQLite integrity check").isEqualTo("ok");
      }
    }
  }

  private static Client client(Path data, CordonProcess server) throws Exception {
    return new Client(data.resolve("tls/ca.pem"), server.port());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
