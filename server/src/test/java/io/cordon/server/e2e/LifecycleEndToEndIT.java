package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.content.FileId;
import io.cordon.content.FileVersion;
import io.cordon.content.RetentionPurge;
import io.cordon.content.WorkspaceId;
import io.cordon.context.CordonException;
import io.cordon.server.cli.CliRun;
import io.cordon.server.e2e.ApiClient.Answer;
import io.cordon.store.blob.LocalBlobStore;
import io.cordon.testing.AdjustableClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record lifecycle over HTTPS on a real installation (SQLite, local blobs, sealed vault) whose
 * clock the test moves: soft delete and restore, legal holds blocking deletion and
 * crypto-shredding, and retention-bound purges that keep the tombstone and the audit trail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleEndToEndIT {
  private static final String PASSWORD = "lifecycle password 123";

  final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-01-05T09:00:00Z"));
  TestInstallation cordon;
  Path dataDir;
  ApiClient admin;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    dataDir = dir.resolve("data");
    cordon =
        TestInstallation.start(dataDir, Map.of("CORDON_CONTENT_RETENTION_DEFAULT", "P15Y"), clock);
    ApiClient first = login(TestInstallation.ADMIN, TestInstallation.PASSWORD);
    for (String[] u :
        List.of(
            new String[] {"viewer@home.example", "member"},
            new String[] {"officer@home.example", "compliance"},
            new String[] {"owner@home.example", "member"})) {
      Answer a =
          first.post(
              "/api/v1/users",
              json()
                  .put("username", u[0])
                  .put("org", "Home")
                  .put("password", PASSWORD)
                  .set("roles", ApiClient.JSON.createArrayNode().add(u[1])));
      assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
    }
  }

  @BeforeEach
  void freshSession() throws Exception {
    // Tests move the clock by years, which ends sessions: each test signs in anew.
    admin = login(TestInstallation.ADMIN, TestInstallation.PASSWORD);
  }

  @AfterAll
  void stop() throws IOException {
    cordon.close();
  }

  @Test
  void delete_hidesAndStopsServing_restoreReturnsEveryVersionByteForByte() throws Exception {
    // Random bytes named .bin: inspection calls them unscannable, not a malformed (quarantined)
    // document, so that what is tested here is deletion, not quarantine.
    String ws = workspace("delete and restore", null);
    member(ws, "viewer@home.example", "viewer");
    byte[] v1 = bytes(300_000, 1);
    byte[] v2 = bytes(200_001, 2);
    String file = upload(ws, "batch-42.bin", v1);
    upload(ws, "batch-42.bin", v2);
    ApiClient viewer = login("viewer@home.example", PASSWORD);

    Answer refused = viewer.delete("/api/v1/files/" + file);
    assertThat(refused.status()).isEqualTo(403);
    Answer deleted = admin.delete("/api/v1/files/" + file, json().put("reason", "superseded"));
    assertThat(deleted.status()).as(deleted.body().toString()).isEqualTo(200);
    assertThat(deleted.body().path("reason").asText()).isEqualTo("superseded");

    assertThat(admin.get("/api/v1/workspaces/" + ws + "/files").body()).isEmpty();
    for (ApiClient who : List.of(admin, viewer)) {
      Answer meta = who.get("/api/v1/files/" + file);
      assertThat(meta.status()).isEqualTo(410);
      assertThat(meta.problemType()).endsWith("/deleted");
      assertThat(who.download(file).statusCode()).isEqualTo(410);
      assertThat(who.get("/api/v1/files/" + file + "/signatures").status()).isEqualTo(410);
    }
    Answer signDeleted =
        admin.post(
            "/api/v1/files/" + file + "/signatures",
            json()
                .put("version", 1)
                .put("meaning", "approved")
                .put("password", PASSWORD)
                .put("code", "000000"));
    assertThat(signDeleted.status()).as(signDeleted.body().toString()).isEqualTo(410);
    Answer twice = admin.delete("/api/v1/files/" + file);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.problemType()).endsWith("/conflict");
    Answer sameName = admin.upload(ws, "batch-42.bin", bytes(10, 3));
    assertThat(sameName.status()).isEqualTo(409);
    assertThat(viewer.post("/api/v1/files/" + file + "/restore", json()).status()).isEqualTo(403);

    Answer restored = admin.post("/api/v1/files/" + file + "/restore", json());
    assertThat(restored.status()).as(restored.body().toString()).isEqualTo(200);
    assertThat(admin.get("/api/v1/workspaces/" + ws + "/files").body()).hasSize(1);
    assertThat(content(file, 1)).isEqualTo(v1);
    assertThat(content(file, 2)).isEqualTo(v2);
    assertThat(events(file)).contains("file.delete", "file.restore");
    assertThat(event(file, "file.delete").path("details").path("reason").asText())
        .isEqualTo("superseded");
    assertThat(event(file, "file.delete").path("details").path("retention").asText())
        .isEqualTo("P15Y");
  }

  @Test
  void legalHold_blocksDeleteAndShred_releaseThenBothWork() throws Exception {
    String ws = workspace("held", null);
    String file = upload(ws, "assay.csv", bytes(5000, 4));
    ApiClient officer = login("officer@home.example", PASSWORD);
    ApiClient viewer = login("viewer@home.example", PASSWORD);
    ObjectNode hold = json().put("matter", "Case 2026-17").put("reason", "sponsor dispute");

    assertThat(viewer.post("/api/v1/workspaces/" + ws + "/legal-holds", hold).status())
        .isEqualTo(403);
    Answer placed = officer.post("/api/v1/workspaces/" + ws + "/legal-holds", hold);
    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
    String holdId = placed.body().path("id").asText();

    Answer refused = admin.delete("/api/v1/files/" + file);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.problemType()).endsWith("/legal-hold");
    assertThat(refused.body().path("detail").asText()).contains(holdId, "Case 2026-17");
    assertThatThrownBy(() -> shred(ws))
        .isInstanceOf(CordonException.LegalHold.class)
        .hasMessageContaining(holdId);
    assertThat(content(file, 1)).hasSize(5000);
    assertThat(officer.get("/api/v1/legal-holds?workspace=" + ws).body())
        .extracting(h -> h.path("id").asText())
        .containsExactly(holdId);

    assertThat(admin.delete("/api/v1/legal-holds/lh_00000000000000000000").status()).isEqualTo(404);
    assertThat(admin.delete("/api/v1/legal-holds/not-a-hold").status()).isEqualTo(404);
    assertThat(viewer.delete("/api/v1/legal-holds/" + holdId).status()).isEqualTo(403);
    Answer released = officer.delete("/api/v1/legal-holds/" + holdId);
    assertThat(released.status()).as(released.body().toString()).isEqualTo(200);
    assertThat(released.body().path("active").asBoolean()).isFalse();
    assertThat(officer.delete("/api/v1/legal-holds/" + holdId).status()).isEqualTo(409);

    assertThat(admin.delete("/api/v1/files/" + file).status()).isEqualTo(200);
    shred(ws);
    assertThat(events(ws)).contains("legalhold.place", "legalhold.release", "key.destroy");
  }

  @Test
  void purge_onlyAfterRetention_removesBlobsKeepsTombstoneAndTrail() throws Exception {
    String ws = workspace("retained", "P1Y");
    byte[] v1 = bytes(100_000, 5);
    String file = upload(ws, "cert-of-analysis.bin", v1);
    upload(ws, "cert-of-analysis.bin", bytes(50_000, 6));
    String held = upload(ws, "deviation.bin", bytes(40_000, 7));
    assertThat(admin.delete("/api/v1/files/" + file).status()).isEqualTo(200);
    assertThat(admin.delete("/api/v1/files/" + held).status()).isEqualTo(200);
    ApiClient officer = login("officer@home.example", PASSWORD);
    ObjectNode hold = json().put("matter", "Audit 9").put("reason", "inspection");
    assertThat(officer.post("/api/v1/files/" + held + "/legal-holds", hold).status())
        .isEqualTo(201);
    List<FileVersion> versions = versions(file);

    RetentionPurge.Report early = purge(false);
    assertThat(item(early, file).verdict()).isEqualTo(RetentionPurge.Verdict.NOT_DUE);
    assertThat(blobsExist(versions)).containsOnly(true);

    clock.advance(Duration.ofDays(367));
    RetentionPurge.Report dry = purge(true);
    assertThat(item(dry, file).verdict()).isEqualTo(RetentionPurge.Verdict.DUE);
    assertThat(item(dry, held).verdict()).isEqualTo(RetentionPurge.Verdict.HELD);
    assertThat(blobsExist(versions)).containsOnly(true);

    RetentionPurge.Report done = purge(false);
    assertThat(item(done, file).purged()).isTrue();
    assertThat(item(done, held).purged()).isFalse();
    assertThat(blobsExist(versions)).containsOnly(false);
    assertThat(blobsExist(versions(held))).containsOnly(true);
    assertThat(versions(file))
        .extracting(FileVersion::sha256)
        .containsExactlyElementsOf(versions.stream().map(FileVersion::sha256).toList());

    admin = login(TestInstallation.ADMIN, TestInstallation.PASSWORD);
    Answer gone = admin.get("/api/v1/files/" + file);
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.body().path("detail").asText()).contains("purged");
    assertThat(admin.post("/api/v1/files/" + file + "/restore", json()).status()).isEqualTo(409);
    assertThat(events(file)).contains("file.upload", "file.delete", "file.purge");
    JsonNode purgeEvent = event(file, "file.purge");
    assertThat(purgeEvent.path("details").path("blobsRemoved").asInt()).isEqualTo(2);
    assertThat(purgeEvent.path("details").path("bytes").asLong()).isEqualTo(150_000);
    CliRun verify = CliRun.of("audit", "verify", "--data", dataDir.toString());
    assertThat(verify.exit()).as(verify.toString()).isZero();
  }

  @Test
  void retention_hostilePeriods_refusedAndRuleUnchanged() throws Exception {
    String ws = workspace("rules", null);
    for (String bad :
        List.of(
            "P-1Y",
            "-P1Y",
            "P0D",
            "P0Y0M",
            "P201Y",
            "P99999999999Y",
            "PT5H",
            "P1.5Y",
            "15 years",
            "",
            "P",
            "P1Y" + "0".repeat(40))) {
      Answer a = admin.put("/api/v1/workspaces/" + ws + "/retention", json().put("retention", bad));
      assertThat(a.status()).as(bad).isEqualTo(400);
      assertThat(a.problemType()).endsWith("/invalid-input");
    }
    assertThat(
            admin
                .put("/api/v1/workspaces/" + ws + "/retention", json().put("retention", 15))
                .status())
        .isEqualTo(400);
    assertThat(admin.put("/api/v1/workspaces/" + ws + "/retention", json()).status())
        .isEqualTo(400);
    assertThat(
            admin.get("/api/v1/workspaces/" + ws + "/retention").body().path("retention").asText())
        .isEqualTo("P15Y");

    ApiClient owner = login("owner@home.example", PASSWORD);
    member(ws, "owner@home.example", "owner");
    assertThat(
            owner
                .put("/api/v1/workspaces/" + ws + "/retention", json().put("retention", "P1D"))
                .status())
        .isEqualTo(403);
    Answer shorter =
        owner.post("/api/v1/workspaces", json().put("name", "quick purge").put("retention", "P1D"));
    assertThat(shorter.status()).isEqualTo(403);
    Answer longer =
        owner.post("/api/v1/workspaces", json().put("name", "long keep").put("retention", "P25Y"));
    assertThat(longer.status()).isEqualTo(201);

    Answer set =
        admin.put("/api/v1/workspaces/" + ws + "/retention", json().put("retention", "P10Y"));
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.body().path("retention").asText()).isEqualTo("P10Y");
    JsonNode changed = event(ws, "workspace.retention");
    assertThat(changed.path("details").path("from").asText()).isEqualTo("P15Y");
    assertThat(changed.path("details").path("to").asText()).isEqualTo("P10Y");
    Answer forever =
        admin.put("/api/v1/workspaces/" + ws + "/retention", json().putNull("retention"));
    assertThat(forever.status()).isEqualTo(200);
    assertThat(forever.body().path("retention").isNull()).isTrue();
  }

  @Test
  void deleteRacingUploads_everyUploadKeptOrRefused_noOrphanBlob() throws Exception {
    String ws = workspace("race", null);
    String file = upload(ws, "stream.bin", bytes(1000, 8));
    List<Thread> threads = new ArrayList<>();
    List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 4; i++) {
      int seed = 100 + i;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      statuses.add(admin.upload(ws, "stream.bin", bytes(2_000_000, seed)).status());
                    } catch (Exception e) {
                      statuses.add(-1);
                    }
                  }));
    }
    Answer deleted = admin.delete("/api/v1/files/" + file);
    for (Thread t : threads) {
      t.join(Duration.ofMinutes(2));
    }

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(statuses).hasSize(4).allMatch(s -> s == 201 || s == 409);
    List<FileVersion> kept = versions(file);
    assertThat(kept).hasSize(1 + (int) statuses.stream().filter(s -> s == 201).count());
    assertThat(blobsExist(kept)).containsOnly(true);
    assertThat(admin.get("/api/v1/workspaces/" + ws + "/files").body()).isEmpty();
    long published;
    try (var walk = java.nio.file.Files.walk(cordon.node().config().blobs().dir())) {
      published =
          walk.filter(java.nio.file.Files::isRegularFile)
              .filter(p -> !p.getParent().getFileName().toString().equals("tmp"))
              .count();
    }
    long inWorkspaces = cordon.node().store().read(tx -> countVersions(tx));
    assertThat(published).isEqualTo(inWorkspaces);
  }

  private static long countVersions(io.cordon.storage.Transaction tx) {
    long n = 0;
    for (var w : tx.workspaces().list()) {
      for (var v : tx.files().versionsInWorkspace(w.id())) {
        n += v.wrappedDek().length > 0 ? 1 : 0;
      }
    }
    return n;
  }

  private RetentionPurge.Report purge(boolean dryRun) {
    var node = cordon.node();
    return node.retentionPurge().purge(node.installation().operatorContext(), dryRun);
  }

  private static RetentionPurge.Item item(RetentionPurge.Report r, String file) {
    return r.items().stream()
        .filter(i -> i.file().value().equals(file))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no item for " + file + " in " + r));
  }

  private void shred(String ws) {
    var node = cordon.node();
    node.keyService().shred(node.installation().operatorContext(), new WorkspaceId(ws));
  }

  private List<FileVersion> versions(String file) {
    return cordon.node().store().read(tx -> tx.files().versions(new FileId(file)));
  }

  private List<Boolean> blobsExist(List<FileVersion> versions) {
    LocalBlobStore blobs = new LocalBlobStore(cordon.node().config().blobs().dir());
    return versions.stream().map(v -> blobs.exists(v.blobKey())).toList();
  }

  private byte[] content(String file, int version) throws Exception {
    var r = admin.downloadStream("/api/v1/files/" + file + "/content?version=" + version);
    assertThat(r.statusCode()).isEqualTo(200);
    try (var in = r.body()) {
      return in.readAllBytes();
    }
  }

  private List<String> events(String objectId) throws Exception {
    List<String> actions = new ArrayList<>();
    for (JsonNode e : allEvents()) {
      if (objectId.equals(e.path("object").path("id").asText())
          && e.path("outcome").asText().equals("success")) {
        actions.add(e.path("action").asText());
      }
    }
    return actions;
  }

  private JsonNode event(String objectId, String action) throws Exception {
    JsonNode last = null;
    for (JsonNode e : allEvents()) {
      if (objectId.equals(e.path("object").path("id").asText())
          && e.path("action").asText().equals(action)
          && e.path("outcome").asText().equals("success")) {
        last = e;
      }
    }
    assertThat(last).as("a successful %s of %s", action, objectId).isNotNull();
    return last;
  }

  private List<JsonNode> allEvents() throws Exception {
    List<JsonNode> all = new ArrayList<>();
    long from = 1;
    while (true) {
      JsonNode page = admin.get("/api/v1/audit/events?from=" + from + "&limit=1000").body();
      page.forEach(all::add);
      if (page.size() < 1000) {
        return all;
      }
      from = all.getLast().path("seq").asLong() + 1;
    }
  }

  private String workspace(String name, String retention) throws Exception {
    ObjectNode body = json().put("name", name + " " + System.nanoTime());
    if (retention != null) {
      body.put("retention", retention);
    }
    Answer a = admin.post("/api/v1/workspaces", body);
    assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
    return a.body().path("id").asText();
  }

  private void member(String ws, String user, String role) throws Exception {
    Answer a =
        admin.post(
            "/api/v1/workspaces/" + ws + "/members", json().put("user", user).put("role", role));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
  }

  private String upload(String ws, String name, byte[] content) throws Exception {
    Answer a = admin.upload(ws, name, content);
    assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
    return a.body().path("id").asText();
  }

  private ApiClient login(String user, String password) throws Exception {
    ApiClient c = cordon.client();
    Answer a = c.login(user, password);
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    return c;
  }

  private static ObjectNode json() {
    return ApiClient.JSON.createObjectNode();
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }
}
