package io.cordon.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.content.FileVersion;
import io.cordon.content.RetentionPeriod;
import io.cordon.content.Workspace;
import io.cordon.context.RequestContext;
import io.cordon.server.Node;
import io.cordon.server.config.ConfigLoader;
import io.cordon.store.blob.LocalBlobStore;
import io.cordon.testing.AdjustableClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cordon retention purge} as an operator runs it: {@code --dry-run} lists what is due and
 * removes nothing; the real run destroys exactly the content whose retention ended, keeps the rest,
 * and leaves an audit trail that still verifies. The records were made two years "ago" by a node
 * whose clock was set back; the command runs at the real time.
 */
class RetentionCommandIT {
  private static final String ADMIN = "admin@home.example";

  @TempDir Path tmp;

  @Test
  void retentionPurge_dryRunThenRun_onlyExpiredDeletedContentRemovedAndTrailVerifies()
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
    AdjustableClock past = new AdjustableClock(Instant.now().minus(Duration.ofDays(730)));
    FileVersion expired;
    FileVersion young;
    FileVersion live;
    try (Node n = open(data, past)) {
      RequestContext as = n.installation().localContextFor(ADMIN);
      Workspace ws =
          n.workspaces()
              .create(
                  as,
                  "batch records",
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(RetentionPeriod.parse("P1Y")));
      expired = n.content().upload(as, ws.id(), "old.pdf", stream("two years old"));
      live = n.content().upload(as, ws.id(), "live.pdf", stream("still in use"));
      n.lifecycle().delete(as, expired.file(), Optional.of("superseded"));
      past.advance(Duration.ofDays(600));
      young = n.content().upload(as, ws.id(), "young.pdf", stream("four months old"));
      n.lifecycle().delete(as, young.file(), Optional.empty());
    }
    LocalBlobStore blobs = new LocalBlobStore(data.resolve("blobs"));

    CliRun dry = CliRun.of("retention", "purge", "--dry-run", "--data", data.toString());
    assertThat(dry.exit()).as(dry.toString()).isZero();
    assertThat(dry.out())
        .contains(expired.file().value() + "  due", young.file().value() + "  not-due")
        .contains("2 deleted files, 1 due for purge (dry run: nothing removed)");
    assertThat(blobs.exists(expired.blobKey())).isTrue();

    CliRun run = CliRun.of("retention", "purge", "--data", data.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains(expired.file().value() + "  purged", "2 deleted files, 1 purged");
    assertThat(blobs.exists(expired.blobKey())).isFalse();
    assertThat(blobs.exists(young.blobKey())).isTrue();
    assertThat(blobs.exists(live.blobKey())).isTrue();

    CliRun again = CliRun.of("retention", "purge", "--data", data.toString());
    assertThat(again.out()).contains("1 deleted files, 0 purged");
    CliRun verify = CliRun.of("audit", "verify", "--data", data.toString());
    assertThat(verify.exit()).as(verify.toString()).isZero();
    CliRun export = CliRun.of("audit", "export", "--data", data.toString());
    assertThat(export.out().lines().filter(l -> l.contains(expired.file().value())))
        .anyMatch(l -> l.contains("\"file.upload\""))
        .anyMatch(l -> l.contains("\"file.delete\""))
        .anyMatch(l -> l.contains("\"file.purge\""));
  }

  @Test
  void retentionPurge_unknownOption_usageErrorExit2() {
    CliRun bad = CliRun.of("retention", "purge", "--all-of-it");
    assertThat(bad.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.err()).contains("--all-of-it");
  }

  private static Node open(Path data, AdjustableClock clock) {
    return Node.open(
        new ConfigLoader(Map.of()).load(data, Optional.empty()), Node.Unseal.none(), clock);
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
