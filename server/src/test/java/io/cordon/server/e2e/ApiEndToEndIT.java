package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.server.e2e.ApiClient.Answer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTPS API as a user drives it: real TLS against the installation's own CA, real SQLite, real
 * encryption. One installation for the class; each test makes its own workspace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiEndToEndIT {
  TestInstallation cordon;
  ApiClient admin;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    cordon = TestInstallation.start(dir.resolve("data"), Map.of());
    admin = cordon.client();
    assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
  }

  @AfterAll
  void stop() throws IOException {
    cordon.close();
  }

  private String workspace(String name) throws Exception {
    Answer a =
        admin.post(
            "/api/v1/workspaces",
            ApiClient.JSON
                .createObjectNode()
                .put("name", name)
                .put("classification", "confidential"));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
    return a.body().path("id").asText();
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void uploadThenDownload_roundTripsBytes_andEveryStepIsAudited() throws Exception {
    String ws = workspace("round trip");
    byte[] content = randomBytes(5 * 1024 * 1024 + 17, 1);
    Answer up = admin.upload(ws, "batch record.bin", content);
    assertThat(up.status()).as(up.body().toString()).isEqualTo(201);
    assertThat(up.body().path("version").asInt()).isEqualTo(1);
    assertThat(up.body().path("size").asLong()).isEqualTo(content.length);
    assertThat(up.body().path("sha256").asText()).isEqualTo(sha256(content));
    assertThat(up.body().path("classification").asText()).isEqualTo("confidential");
    assertThat(up.body().path("dataTypes").isArray()).isTrue();
    String fileId = up.body().path("id").asText();

    HttpResponse<byte[]> down = admin.download(fileId);
    assertThat(down.statusCode()).isEqualTo(200);
    assertThat(down.body()).isEqualTo(content);
    assertThat(down.headers().firstValue("Repr-Digest")).isPresent();

    Answer listing = admin.get("/api/v1/workspaces/" + ws + "/files");
    assertThat(listing.body()).hasSize(1);
    assertThat(listing.body().get(0).path("name").asText()).isEqualTo("batch record.bin");

    Answer events = admin.get("/api/v1/audit/events?from=1&limit=1000");
    assertThat(events.status()).isEqualTo(200);
    List<String> actions = new ArrayList<>();
    long previous = 0;
    for (JsonNode e : events.body()) {
      assertThat(e.path("seq").asLong()).isEqualTo(previous + 1);
      previous = e.path("seq").asLong();
      if (fileId.equals(e.path("object").path("id").asText())) {
        actions.add(e.path("action").asText());
        if (e.path("action").asText().equals("file.inspect")) {
          // The verdict is the system's, off the request thread (docs/inspection.md).
          assertThat(e.path("context").path("channel").asText()).isEqualTo("system");
          continue;
        }
        assertThat(e.path("actor").path("username").asText()).isEqualTo(TestInstallation.ADMIN);
        assertThat(e.path("context").path("channel").asText()).isEqualTo("web");
        assertThat(e.path("time").asText())
            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      }
    }
    assertThat(actions).contains("file.upload", "file.inspect", "file.download");
  }

  @Test
  void upload_plaintextNeverOnDisk() throws Exception {
    String ws = workspace("no plaintext");
    byte[] marker = ("CONFIDENTIAL-MARKER-" + "x".repeat(64)).getBytes();
    byte[] content = new byte[300_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = marker[i % marker.length];
    }
    assertThat(admin.upload(ws, "secret.txt", content).status()).isEqualTo(201);
    try (Stream<Path> files = Files.walk(cordon.dataDir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        assertThat(indexOf(bytes, marker)).as("plaintext found in %s", f).isEqualTo(-1);
      }
    }
  }

  @Test
  void upload_sameNameTwice_makesTwoVersions() throws Exception {
    String ws = workspace("versions");
    Answer one = admin.upload(ws, "CoA.txt", "first".getBytes());
    Answer two = admin.upload(ws, "CoA.txt", "second".getBytes());
    assertThat(two.body().path("id").asText()).isEqualTo(one.body().path("id").asText());
    assertThat(two.body().path("version").asInt()).isEqualTo(2);
    Answer meta = admin.get("/api/v1/files/" + one.body().path("id").asText());
    assertThat(meta.body().path("versions")).hasSize(2);
    String id = one.body().path("id").asText();
    byte[] first =
        admin.downloadStream("/api/v1/files/" + id + "/content?version=1").body().readAllBytes();
    assertThat(new String(first)).isEqualTo("first");
    assertThat(new String(admin.download(id).body())).isEqualTo("second");
  }

  @Test
  void upload_pathLikeName_rejectedWithProblem() throws Exception {
    String ws = workspace("bad names");
    Answer a = admin.upload(ws, "../../etc/passwd", "x".getBytes());
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.raw().headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(a.problemType()).endsWith("/invalid-input");
    assertThat(admin.get("/api/v1/workspaces/" + ws + "/files").body()).isEmpty();
  }

  @Test
  void unknownIds_answerNotFound() throws Exception {
    assertThat(admin.get("/api/v1/files/f_00000000000000000000").status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/files/..%2F..%2Fetc").status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/workspaces/ws_00000000000000000000/files").status())
        .isEqualTo(404);
  }

  @Test
  void noCredentials_unauthorised() throws Exception {
    Answer a = cordon.client().get("/api/v1/workspaces");
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.problemType()).endsWith("/unauthenticated");
    assertThat(a.raw().body()).doesNotContain("Exception");
  }

  @Test
  void wrongPassword_unauthorisedAndAudited() throws Exception {
    Answer a = cordon.client().login(TestInstallation.ADMIN, "not the password at all");
    assertThat(a.status()).isEqualTo(401);
    Answer events = admin.get("/api/v1/audit/events?from=1&limit=1000");
    boolean seen = false;
    for (JsonNode e : events.body()) {
      seen |=
          e.path("action").asText().equals("auth.login_failed")
              && e.path("outcome").asText().equals("denied");
    }
    assertThat(seen).isTrue();
  }

  @Test
  void cookieSessionWithoutCsrfHeader_stateChangeRefused() throws Exception {
    ApiClient c = cordon.client();
    c.login(TestInstallation.ADMIN, TestInstallation.PASSWORD);
    c.withoutCsrf();
    Answer a = c.post("/api/v1/workspaces", ApiClient.JSON.createObjectNode().put("name", "csrf"));
    assertThat(a.status()).isEqualTo(403);
    assertThat(c.get("/api/v1/workspaces").status()).isEqualTo(200);
  }

  @Test
  void malformedJson_badRequest() throws Exception {
    assertThat(admin.postRaw("/api/v1/workspaces", "application/json", "{\"name\":").status())
        .isEqualTo(400);
    assertThat(admin.postRaw("/api/v1/workspaces", "text/plain", "name=x").status()).isEqualTo(400);
    assertThat(admin.postRaw("/api/v1/workspaces", "application/json", "[1,2]").status())
        .isEqualTo(400);
  }

  @Test
  void partnerUser_seesNothingUntilMember_andIsDeniedWithAudit() throws Exception {
    String ws = workspace("partner space");
    String fileId =
        admin.upload(ws, "protocol.txt", "tech transfer".getBytes()).body().path("id").asText();
    assertThat(
            admin
                .post(
                    "/api/v1/organisations",
                    ApiClient.JSON
                        .createObjectNode()
                        .put("name", "Sponsor Ltd")
                        .put("kind", "partner"))
                .status())
        .isEqualTo(201);
    Answer user =
        admin.post(
            "/api/v1/users",
            ApiClient.JSON
                .createObjectNode()
                .put("username", "sponsor.qa@sponsor.example")
                .put("org", "Sponsor Ltd")
                .put("password", "partner password 123"));
    assertThat(user.status()).as(user.body().toString()).isEqualTo(201);

    ApiClient partner = cordon.client();
    assertThat(partner.login("sponsor.qa@sponsor.example", "partner password 123").status())
        .isEqualTo(200);
    assertThat(partner.get("/api/v1/workspaces").body()).isEmpty();
    Answer denied = partner.get("/api/v1/files/" + fileId);
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.problemType()).endsWith("/denied");
    assertThat(partner.download(fileId).statusCode()).isEqualTo(403);

    assertThat(
            admin
                .post(
                    "/api/v1/workspaces/" + ws + "/members",
                    ApiClient.JSON
                        .createObjectNode()
                        .put("user", "sponsor.qa@sponsor.example")
                        .put("role", "viewer"))
                .status())
        .isEqualTo(201);
    assertThat(partner.download(fileId).body()).isEqualTo("tech transfer".getBytes());
    assertThat(partner.upload(ws, "x.txt", "y".getBytes()).status()).isEqualTo(403);
    assertThat(partner.get("/api/v1/audit/events").status()).isEqualTo(403);
  }

  @Test
  void corruptedBlob_downloadAbortedNotCompleted() throws Exception {
    String ws = workspace("corruption");
    byte[] content = randomBytes(3 * 1024 * 1024, 9);
    String fileId = admin.upload(ws, "data.bin", content).body().path("id").asText();
    Path blobs = cordon.dataDir.resolve("blobs");
    Path victim;
    try (Stream<Path> files = Files.walk(blobs)) {
      victim =
          files
              .filter(Files::isRegularFile)
              .filter(p -> !blobs.relativize(p).startsWith("tmp"))
              .max(java.util.Comparator.comparingLong(p -> p.toFile().lastModified()))
              .orElseThrow();
    }
    byte[] blob = Files.readAllBytes(victim);
    blob[blob.length / 2] ^= 0x01;
    Files.write(victim, blob);
    byte[] received;
    try {
      received = admin.downloadStream("/api/v1/files/" + fileId + "/content").body().readAllBytes();
    } catch (IOException expected) {
      received = null;
    }
    if (received != null) {
      assertThat(received).isNotEqualTo(content);
      assertThat(received.length).isLessThan(content.length);
    }
  }

  @Test
  void recordedHashTampered_downloadAbortedAndAudited() throws Exception {
    String ws = workspace("hash check");
    byte[] content = randomBytes(2 * 1024 * 1024 + 3, 11);
    String fileId = admin.upload(ws, "assay.bin", content).body().path("id").asText();
    // Someone with database access drops the schema's guard against changing versions, then
    // rewrites the recorded hash; the ciphertext stays intact.
    try (var db =
            java.sql.DriverManager.getConnection(
                "jdbc:sqlite:" + cordon.dataDir.resolve("cordon.db"));
        var update = db.prepareStatement("UPDATE file_versions SET sha256 = ? WHERE file_id = ?")) {
      update.setString(1, sha256("something else".getBytes()));
      update.setString(2, fileId);
      org.assertj.core.api.Assertions.assertThatThrownBy(update::executeUpdate)
          .hasMessageContaining("immutable");
      try (var ddl = db.createStatement()) {
        ddl.execute("DROP TRIGGER tr_file_versions_immutable");
      }
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
    byte[] received;
    try {
      received = admin.downloadStream("/api/v1/files/" + fileId + "/content").body().readAllBytes();
    } catch (IOException expected) {
      received = null;
    }
    if (received != null) {
      assertThat(received.length).isLessThan(content.length);
    }
    boolean audited = false;
    for (JsonNode e : admin.get("/api/v1/audit/events?from=1&limit=1000").body()) {
      audited |=
          e.path("action").asText().equals("file.download")
              && e.path("outcome").asText().equals("error")
              && fileId.equals(e.path("object").path("id").asText());
    }
    assertThat(audited).isTrue();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
