package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.server.e2e.ApiClient.Answer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail's public commitments over HTTPS, checked by {@link IndependentTlogVerifier}: the
 * signed checkpoint verifies with the published key, its root is the RFC 9162 tree of the exported
 * events' leaf bytes, inclusion and consistency proofs verify, partners may fetch them, and bad
 * proof requests get clear errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditProofEndToEndIT {
  private static final long WAIT_MILLIS = 20_000;

  TestInstallation cordon;
  ApiClient admin;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    cordon =
        TestInstallation.start(
            dir.resolve("data"), Map.of("CORDON_AUDIT_CHECKPOINT_INTERVAL", "1s"));
    admin = cordon.client();
    assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
  }

  @AfterAll
  void stop() throws Exception {
    cordon.close();
  }

  @Test
  void checkpoint_verifiesWithPublishedKey_andCommitsToTheExportedLeaves() throws Exception {
    makeActivity("proofs one");
    IndependentTlogVerifier.Checkpoint cp = checkpointCovering(lastSeq());
    List<byte[]> leaves = leafHashes(cp.size());

    assertThat(cp.origin()).startsWith("cordon/");
    assertThat(cp.root()).isEqualTo(rootOf(leaves, 0, leaves.size()));
    for (long seq = 1; seq <= cp.size(); seq++) {
      Answer proof =
          admin.get("/api/v1/audit/proof/inclusion?seq=" + seq + "&treeSize=" + cp.size());
      assertThat(proof.status()).as(proof.body().toString()).isEqualTo(200);
      assertThat(proof.body().path("seq").asLong()).isEqualTo(seq);
      assertThat(proof.body().path("treeSize").asLong()).isEqualTo(cp.size());
      assertThat(
              IndependentTlogVerifier.verifyInclusion(
                  seq - 1, cp.size(), leaves.get((int) seq - 1), hashes(proof.body()), cp.root()))
          .as("inclusion of %d in %d", seq, cp.size())
          .isTrue();
    }
    // A wrong leaf does not verify with the same proof.
    Answer proof = admin.get("/api/v1/audit/proof/inclusion?seq=1&treeSize=" + cp.size());
    assertThat(
            IndependentTlogVerifier.verifyInclusion(
                0, cp.size(), leaves.get(1), hashes(proof.body()), cp.root()))
        .isFalse();
  }

  @Test
  void laterCheckpoint_provablyExtendsTheEarlierOne() throws Exception {
    makeActivity("proofs two");
    IndependentTlogVerifier.Checkpoint first = checkpointCovering(lastSeq());
    makeActivity("proofs three");
    IndependentTlogVerifier.Checkpoint second = checkpointCovering(lastSeq());
    assertThat(second.size()).isGreaterThan(first.size());

    Answer proof =
        admin.get("/api/v1/audit/proof/consistency?from=" + first.size() + "&to=" + second.size());

    assertThat(proof.status()).as(proof.body().toString()).isEqualTo(200);
    assertThat(
            IndependentTlogVerifier.verifyConsistency(
                first.size(), second.size(), first.root(), second.root(), hashes(proof.body())))
        .isTrue();
  }

  @Test
  void checkpointExport_holdsTheSameSignedNotes() throws Exception {
    makeActivity("proofs export");
    IndependentTlogVerifier.Checkpoint cp = checkpointCovering(lastSeq());
    Path dir = cordon.dataDir.resolve("audit").resolve("checkpoints");

    Path file = dir.resolve(String.format(java.util.Locale.ROOT, "%020d.checkpoint", cp.size()));
    assertThat(file).exists();
    IndependentTlogVerifier.Checkpoint exported =
        IndependentTlogVerifier.verifyCheckpoint(
            Files.readString(file, StandardCharsets.UTF_8), key());
    assertThat(exported.size()).isEqualTo(cp.size());
    assertThat(exported.root()).isEqualTo(cp.root());
  }

  @Test
  void partnerUser_mayFetchCheckpointKeyAndProofs_butNotTheEvents() throws Exception {
    makeActivity("proofs partner");
    IndependentTlogVerifier.Checkpoint cp = checkpointCovering(lastSeq());
    ApiClient partner = partner();

    HttpResponse<String> note = partner.getText("/api/v1/audit/checkpoint");
    assertThat(note.statusCode()).isEqualTo(200);
    assertThat(partner.getText("/api/v1/audit/checkpoint/key").body().strip()).isEqualTo(key());
    IndependentTlogVerifier.verifyCheckpoint(note.body(), key());
    assertThat(partner.get("/api/v1/audit/proof/inclusion?seq=1&treeSize=" + cp.size()).status())
        .isEqualTo(200);
    assertThat(partner.get("/api/v1/audit/events").status()).isEqualTo(403);
  }

  @Test
  void badProofRequests_clearProblems() throws Exception {
    makeActivity("proofs bad");
    IndependentTlogVerifier.Checkpoint cp = checkpointCovering(lastSeq());
    long beyond = cp.size() + 1_000_000;
    for (String query :
        List.of(
            "inclusion?seq=0&treeSize=" + cp.size(),
            "inclusion?seq=-1&treeSize=" + cp.size(),
            "inclusion?seq=" + (cp.size() + 1) + "&treeSize=" + cp.size(),
            "inclusion?seq=1&treeSize=" + beyond,
            "inclusion?seq=1",
            "inclusion?seq=abc&treeSize=2",
            "inclusion?seq=99999999999999999999&treeSize=2",
            "consistency?from=2&to=1",
            "consistency?from=0&to=" + cp.size(),
            "consistency?from=1&to=" + beyond,
            "consistency?to=3")) {
      Answer a = admin.get("/api/v1/audit/proof/" + query);
      assertThat(a.status()).as(query + " → " + a.body()).isEqualTo(400);
      assertThat(a.problemType()).as(query).endsWith("/invalid-input");
      assertThat(a.body().path("detail").asText()).as(query).isNotBlank();
    }
    assertThat(cordon.client().get("/api/v1/audit/proof/inclusion?seq=1&treeSize=1").status())
        .isEqualTo(401);
    assertThat(cordon.client().getText("/api/v1/audit/checkpoint").statusCode()).isEqualTo(401);
  }

  // --- helpers -------------------------------------------------------------------------------

  private void makeActivity(String name) throws Exception {
    Answer ws =
        admin.post(
            "/api/v1/workspaces",
            ApiClient.JSON.createObjectNode().put("name", name).put("classification", "internal"));
    assertThat(ws.status()).as(ws.body().toString()).isEqualTo(201);
    String id = ws.body().path("id").asText();
    assertThat(admin.upload(id, "note.txt", name.getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(201);
  }

  private long lastSeq() throws Exception {
    long last = 0;
    for (long from = 1; ; from += 1000) {
      Answer page = admin.get("/api/v1/audit/events?from=" + from + "&limit=1000");
      for (JsonNode e : page.body()) {
        last = e.path("seq").asLong();
      }
      if (page.body().size() < 1000) {
        return last;
      }
    }
  }

  /** Waits for a checkpoint of at least {@code seq} events and verifies it. */
  private IndependentTlogVerifier.Checkpoint checkpointCovering(long seq) throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (true) {
      HttpResponse<String> note = admin.getText("/api/v1/audit/checkpoint");
      if (note.statusCode() == 200) {
        IndependentTlogVerifier.Checkpoint cp =
            IndependentTlogVerifier.verifyCheckpoint(note.body(), key());
        if (cp.size() >= seq) {
          return cp;
        }
      } else {
        assertThat(note.statusCode()).as(note.body()).isEqualTo(404);
      }
      assertThat(System.currentTimeMillis())
          .as("no checkpoint of %d events in time", seq)
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private String key() throws Exception {
    HttpResponse<String> key = admin.getText("/api/v1/audit/checkpoint/key");
    assertThat(key.statusCode()).isEqualTo(200);
    return key.body().strip();
  }

  /** The leaf hashes of events 1…size, from the exported leaf bytes, checked against the event. */
  private List<byte[]> leafHashes(long size) throws Exception {
    List<byte[]> out = new ArrayList<>();
    for (long from = 1; from <= size; from += 1000) {
      for (JsonNode e : admin.get("/api/v1/audit/events?from=" + from + "&limit=1000").body()) {
        if (out.size() == size) {
          break;
        }
        byte[] leaf = Base64.getDecoder().decode(e.path("leaf").asText());
        ObjectNode withoutLeaf = e.deepCopy();
        withoutLeaf.remove("leaf");
        assertThat(ApiClient.JSON.readTree(leaf)).isEqualTo(withoutLeaf);
        out.add(IndependentTlogVerifier.leafHash(leaf));
      }
    }
    assertThat(out).hasSize((int) size);
    return out;
  }

  /** RFC 9162 §2.1.1 MTH, recursively, over leaves[from, to). */
  private static byte[] rootOf(List<byte[]> leaves, int from, int to) throws Exception {
    int n = to - from;
    if (n == 1) {
      return leaves.get(from);
    }
    int k = Integer.highestOneBit(n - 1);
    return IndependentTlogVerifier.nodeHash(
        rootOf(leaves, from, from + k), rootOf(leaves, from + k, to));
  }

  private static List<byte[]> hashes(JsonNode proof) {
    List<byte[]> out = new ArrayList<>();
    for (JsonNode h : proof.path("hashes")) {
      out.add(HexFormat.of().parseHex(h.asText()));
    }
    return out;
  }

  private ApiClient partner() throws Exception {
    admin.post(
        "/api/v1/organisations",
        ApiClient.JSON.createObjectNode().put("name", "Witness Ltd").put("kind", "partner"));
    admin.post(
        "/api/v1/users",
        ApiClient.JSON
            .createObjectNode()
            .put("username", "qa@witness.example")
            .put("org", "Witness Ltd")
            .put("password", "witness password 123"));
    ApiClient partner = cordon.client();
    assertThat(partner.login("qa@witness.example", "witness password 123").status()).isEqualTo(200);
    return partner;
  }
}
