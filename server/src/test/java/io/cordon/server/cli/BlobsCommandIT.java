package io.cordon.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.content.FileVersion;
import io.cordon.content.Workspace;
import io.cordon.context.RequestContext;
import io.cordon.server.Node;
import io.cordon.server.config.ConfigLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cordon blobs sweep} as an operator runs it after a crash: it removes unfinished uploads
 * and unreferenced blobs older than the grace period, and never a blob that a version refers to.
 */
class BlobsCommandIT {
  private static final String ADMIN = "admin@home.example";

  @TempDir Path tmp;

  @Test
  void blobsSweep_leftoversOfACrash_removedOnlyWithoutGraceAndReferencedBlobsKept()
      throws Exception {
    Path data = tmp.resolve("data");
    Path password = Files.writeString(tmp.resolve("password"), "correct horse battery staple\n");
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
    FileVersion kept;
    try (Node n = open(data)) {
      RequestContext as = n.installation().localContextFor(ADMIN);
      Workspace ws = n.workspaces().create(as, "crash", Optional.empty(), Optional.empty());
      kept = n.content().upload(as, ws.id(), "kept.txt", stream("still here"));
    }
    Path blobs = data.resolve("blobs");
    Path unfinished = Files.write(blobs.resolve("tmp/0123456789abcdef0123456789abcdef"), bytes());
    Path orphan = blobs.resolve("ab/ab23456789abcdef0123456789abcdef");
    Files.createDirectories(orphan.getParent());
    Files.write(orphan, bytes());

    CliRun gentle = CliRun.of("blobs", "sweep", "--data", data.toString());
    assertThat(gentle.exit()).as(gentle.toString()).isZero();
    assertThat(gentle.out()).contains("removed 0 unfinished uploads and 0 orphaned blobs");
    assertThat(unfinished).exists();
    assertThat(orphan).exists();

    CliRun now = CliRun.of("blobs", "sweep", "--data", data.toString(), "--grace", "0s");
    assertThat(now.exit()).as(now.toString()).isZero();
    assertThat(now.out()).contains("removed 1 unfinished uploads and 1 orphaned blobs");
    assertThat(unfinished).doesNotExist();
    assertThat(orphan).doesNotExist();
    CliRun trail = CliRun.of("audit", "export", "--data", data.toString());
    assertThat(trail.out())
        .as("an operator's sweep is audited with what it removed")
        .contains("\"action\":\"blob.sweep\"")
        .contains("\"temporaries\":1")
        .contains("\"orphans\":1");
    try (Node n = open(data)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      n.content()
          .download(n.installation().localContextFor(ADMIN), kept.file(), OptionalInt.of(1))
          .writeTo(out);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("still here");
    }

    CliRun bad = CliRun.of("blobs", "sweep", "--data", data.toString(), "--grace", "soon");
    assertThat(bad.exit()).as(bad.toString()).isEqualTo(2);
    assertThat(bad.err()).contains("--grace");
  }

  private static Node open(Path data) {
    return Node.open(
        new ConfigLoader(Map.of()).load(data, Optional.empty()),
        Node.Unseal.none(),
        Clock.systemUTC());
  }

  private static byte[] bytes() {
    return "ciphertext, as far as anyone knows".getBytes(StandardCharsets.UTF_8);
  }

  private static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
