package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.server.e2e.ApiClient.Answer;
import io.cordon.testing.AdjustableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed half-way through inspection: its versions stay pending (quarantined: a contributor
 * cannot download them, the workspace's owner can), one of them claimed by a worker that died with
 * it; the next node on the same data finishes every one of them, and then they download.
 */
class InspectionRecoveryIT {
  private static final String PASSWORD = "recovery password 123";
  private static final String CONTRIBUTOR = "scientist@home.example";

  @Test
  void pendingVersions_leftByAKilledNode_areInspectedByTheNextNode(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("data");
    AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-23T12:00:00Z"));
    List<String> files = new ArrayList<>();
    try (TestInstallation first = TestInstallation.start(data, Map.of(), clock)) {
      // The worker dies before any verdict: every upload below stays pending.
      first.node().inspection().close();
      ApiClient admin = first.client().settlingInspections(() -> {});
      assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
          .isEqualTo(200);
      assertThat(
              admin
                  .post(
                      "/api/v1/users",
                      ApiClient.JSON
                          .createObjectNode()
                          .put("username", CONTRIBUTOR)
                          .put("email", CONTRIBUTOR)
                          .put("org", "Home")
                          .put("password", PASSWORD))
                  .status())
          .isEqualTo(201);
      String ws =
          admin
              .post(
                  "/api/v1/workspaces",
                  ApiClient.JSON
                      .createObjectNode()
                      .put("name", "qc")
                      .put("classification", "internal"))
              .body()
              .path("id")
              .asText();
      admin.post(
          "/api/v1/workspaces/" + ws + "/members",
          ApiClient.JSON.createObjectNode().put("user", CONTRIBUTOR).put("role", "contributor"));
      for (int i = 0; i < 3; i++) {
        Answer up =
            admin.upload(
                ws,
                "result-" + i + ".txt",
                ("HPLC assay result " + i + ": 99.1 %\n").getBytes(StandardCharsets.UTF_8));
        assertThat(up.status()).isEqualTo(201);
        assertThat(up.body().path("inspection").asText()).isEqualTo("pending");
        files.add(up.body().path("id").asText());
      }
      ApiClient contributor = first.client().settlingInspections(() -> {});
      assertThat(contributor.login(CONTRIBUTOR, PASSWORD).status()).isEqualTo(200);
      assertThat(
              contributor.get("/api/v1/files/" + files.get(0)).body().path("inspection").asText())
          .isEqualTo("pending");
      Answer refused = contributor.get("/api/v1/files/" + files.get(0) + "/content");
      assertThat(refused.status()).as("a pending file is quarantined").isEqualTo(403);
      assertThat(refused.body().path("detail").asText()).contains("quarantined");
      assertThat(admin.download(files.get(0)).statusCode())
          .as("the workspace's owner may review it")
          .isEqualTo(200);

      // One version was claimed by a worker that died with the node.
      Instant now = clock.instant();
      List<io.cordon.inspect.Inspections.VersionKey> claimed =
          first
              .node()
              .store()
              .inTransaction(
                  tx -> tx.inspections().claimPending(now, now.plus(Duration.ofMinutes(5)), 1));
      assertThat(claimed).hasSize(1);
      assertThat(first.node().inspection().pending()).isEqualTo(3);
    }

    clock.advance(Duration.ofMinutes(6)); // the dead worker's lease lapses
    try (TestInstallation second = TestInstallation.reopen(data, Map.of(), clock)) {
      second.awaitVerdicts();
      assertThat(second.node().inspection().pending()).isZero();
      ApiClient contributor = second.client();
      assertThat(contributor.login(CONTRIBUTOR, PASSWORD).status()).isEqualTo(200);
      for (String f : files) {
        assertThat(contributor.get("/api/v1/files/" + f).body().path("inspection").asText())
            .isIn("clean", "flagged");
        assertThat(contributor.download(f).statusCode()).isEqualTo(200);
      }
    }
  }
}
