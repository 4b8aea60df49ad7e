package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.server.e2e.ApiClient.Answer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * A partner organisation as a witness (issue 3, item 7): a partner user uploads and downloads a
 * file, fetches that file's activity, the signed checkpoint, the published key and an inclusion
 * proof per event, and verifies each event offline with only the published key, through {@link
 * IndependentTlogVerifier} (which shares no code with the server). A modified leaf does not verify;
 * users who may not view the file do not get its activity.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerActivityProofIT {
  private static final long WAIT_MILLIS = 20_000;
  private static final String PARTNER = "qa@sponsor.example";
  private static final String OUTSIDER = "qa@other.example";
  private static final String PASSWORD = "partner password 123";

  TestInstallation cordon;
  ApiClient admin;
  ApiClient partner;
  String fileId;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    cordon =
        TestInstallation.start(
            dir.resolve("data"), Map.of("CORDON_AUDIT_CHECKPOINT_INTERVAL", "1s"));
    admin = cordon.client();
    assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
    String ws =
        admin
            .post(
                "/api/v1/workspaces",
                ApiClient.JSON.createObjectNode().put("name", "tech transfer"))
            .body()
            .path("id")
            .asText();
    partner = partnerUser("Sponsor Ltd", PARTNER);
    Answer member =
        admin.post(
            "/api/v1/workspaces/" + ws + "/members",
            ApiClient.JSON.createObjectNode().put("user", PARTNER).put("role", "contributor"));
    assertThat(member.status()).as(member.body().toString()).isEqualTo(201);
    byte[] content = "certificate of analysis, lot 7".getBytes(StandardCharsets.UTF_8);
    Answer up = partner.upload(ws, "coa-lot7.txt", content);
    assertThat(up.status()).as(up.body().toString()).isEqualTo(201);
    fileId = up.body().path("id").asText();
    assertThat(partner.download(fileId).body()).isEqualTo(content);
  }

  @AfterAll
  void stop() throws Exception {
    cordon.close();
  }

  @Test
  void partner_verifiesEveryEventAboutItsFileOffline_withOnlyThePublishedKey() throws Exception {
    List<JsonNode> activity = activity(partner);
    assertThat(activity)
        .extracting(e -> e.path("action").asText())
        .contains("file.upload", "file.download");
    long newest = activity.getLast().path("seq").asLong();

    String key = partner.getText("/api/v1/audit/checkpoint/key").body().strip();
    IndependentTlogVerifier.Checkpoint cp = checkpointCovering(newest, key);

    for (JsonNode event : activity) {
      assertThat(event.path("object").path("id").asText()).isEqualTo(fileId);
      long seq = event.path("seq").asLong();
      byte[] leaf = Base64.getDecoder().decode(event.path("leaf").asText());
      ObjectNode withoutLeaf = event.deepCopy();
      withoutLeaf.remove("leaf");
      assertThat(ApiClient.JSON.readTree(leaf)).as("seq %d", seq).isEqualTo(withoutLeaf);
      List<byte[]> proof = inclusionProof(seq, cp.size());
      assertThat(
              IndependentTlogVerifier.verifyInclusion(
                  seq - 1, cp.size(), IndependentTlogVerifier.leafHash(leaf), proof, cp.root()))
          .as("inclusion of seq %d in the checkpoint of %d", seq, cp.size())
          .isTrue();
    }
  }

  @Test
  void modifiedLeaf_orAnotherPosition_doesNotVerify() throws Exception {
    List<JsonNode> activity = activity(partner);
    JsonNode download =
        activity.stream()
            .filter(e -> e.path("action").asText().equals("file.download"))
            .findFirst()
            .orElseThrow();
    long seq = download.path("seq").asLong();
    String key = partner.getText("/api/v1/audit/checkpoint/key").body().strip();
    IndependentTlogVerifier.Checkpoint cp = checkpointCovering(seq, key);
    byte[] leaf = Base64.getDecoder().decode(download.path("leaf").asText());
    List<byte[]> proof = inclusionProof(seq, cp.size());
    assertThat(
            IndependentTlogVerifier.verifyInclusion(
                seq - 1, cp.size(), IndependentTlogVerifier.leafHash(leaf), proof, cp.root()))
        .isTrue();

    // Someone rewrites history: the download never happened, it was denied.
    byte[] forged =
        new String(leaf, StandardCharsets.UTF_8)
            .replace("\"outcome\":\"success\"", "\"outcome\":\"denied\"")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(forged).isNotEqualTo(leaf);
    byte[] oneBit = Arrays.copyOf(leaf, leaf.length);
    oneBit[oneBit.length / 2] ^= 1;
    for (byte[] bad : List.of(forged, oneBit)) {
      assertThat(
              IndependentTlogVerifier.verifyInclusion(
                  seq - 1, cp.size(), IndependentTlogVerifier.leafHash(bad), proof, cp.root()))
          .isFalse();
    }
    // The true leaf claimed at another position does not verify either.
    assertThat(
            IndependentTlogVerifier.verifyInclusion(
                seq, cp.size(), IndependentTlogVerifier.leafHash(leaf), proof, cp.root()))
        .isFalse();
  }

  @Test
  void activity_outsiderDenied_unknownFileNotFound_badParameters400() throws Exception {
    ApiClient outsider = partnerUser("Other Ltd", OUTSIDER);
    Answer denied = outsider.get("/api/v1/files/" + fileId + "/activity");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(cordon.client().get("/api/v1/files/" + fileId + "/activity").status())
        .isEqualTo(401);
    assertThat(partner.get("/api/v1/files/f_00000000000000000000/activity").status())
        .isEqualTo(404);
    assertThat(partner.get("/api/v1/files/..%2F..%2Fetc/activity").status()).isEqualTo(404);
    for (String q : List.of("limit=0", "limit=1001", "from=-1", "from=x", "actor=someone")) {
      Answer a = partner.get("/api/v1/files/" + fileId + "/activity?" + q);
      assertThat(a.status()).as(q + " → " + a.body()).isEqualTo(400);
    }
    // The refusal is itself part of the file's activity, and the reads are audited.
    assertThat(activity(partner))
        .anySatisfy(
            e -> {
              assertThat(e.path("actor").path("username").asText()).isEqualTo(OUTSIDER);
              assertThat(e.path("outcome").asText()).isEqualTo("denied");
            })
        .anySatisfy(e -> assertThat(e.path("action").asText()).isEqualTo("file.activity"));
  }

  @Test
  void activity_pages_followTheCursor() throws Exception {
    List<Long> all = activity(partner).stream().map(e -> e.path("seq").asLong()).toList();
    Answer first = partner.get("/api/v1/files/" + fileId + "/activity?limit=1");
    assertThat(first.body()).hasSize(1);
    String next = first.raw().headers().firstValue("Cordon-Next-From").orElseThrow();
    Answer second = partner.get("/api/v1/files/" + fileId + "/activity?limit=1&from=" + next);
    assertThat(second.body().get(0).path("seq").asLong()).isEqualTo(all.get(1));
  }

  // --- helpers -------------------------------------------------------------------------------

  private List<JsonNode> activity(ApiClient who) throws Exception {
    Answer a = who.get("/api/v1/files/" + fileId + "/activity?limit=1000");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    a.body().forEach(out::add);
    return out;
  }

  private List<byte[]> inclusionProof(long seq, long treeSize) throws Exception {
    Answer proof =
        partner.get("/api/v1/audit/proof/inclusion?seq=" + seq + "&treeSize=" + treeSize);
    assertThat(proof.status()).as(proof.body().toString()).isEqualTo(200);
    List<byte[]> hashes = new ArrayList<>();
    proof.body().path("hashes").forEach(h -> hashes.add(HexFormat.of().parseHex(h.asText())));
    return hashes;
  }

  /** Waits (as the partner) for a signed checkpoint covering {@code seq}, verified with the key. */
  private IndependentTlogVerifier.Checkpoint checkpointCovering(long seq, String key)
      throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (true) {
      HttpResponse<String> note = partner.getText("/api/v1/audit/checkpoint");
      if (note.statusCode() == 200) {
        IndependentTlogVerifier.Checkpoint cp =
            IndependentTlogVerifier.verifyCheckpoint(note.body(), key);
        if (cp.size() >= seq) {
          return cp;
        }
      }
      assertThat(System.currentTimeMillis())
          .as("no checkpoint covering seq %d in time", seq)
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private ApiClient partnerUser(String org, String username) throws Exception {
    admin.post(
        "/api/v1/organisations",
        ApiClient.JSON.createObjectNode().put("name", org).put("kind", "partner"));
    Answer user =
        admin.post(
            "/api/v1/users",
            ApiClient.JSON
                .createObjectNode()
                .put("username", username)
                .put("org", org)
                .put("password", PASSWORD));
    assertThat(user.status()).as(user.body().toString()).isEqualTo(201);
    ApiClient c = cordon.client();
    assertThat(c.login(username, PASSWORD).status()).isEqualTo(200);
    return c;
  }
}
