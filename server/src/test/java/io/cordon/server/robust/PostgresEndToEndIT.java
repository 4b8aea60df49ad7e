package io.cordon.server.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.audit.VerifyResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The basic path a user drives, on PostgreSQL metadata (ApiEndToEndIT covers SQLite): upload, list,
 * download, versions, the audit trail, plaintext never at rest, and everything still there after a
 * restart. Each test has its own installation and database; without a reachable PostgreSQL the
 * tests are skipped with the reason, except under CI, where they fail.
 */
class PostgresEndToEndIT {
  private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

  @TempDir Path dir;
  private InProcessCordon cordon;
  private Client admin;

  @BeforeEach
  void start() throws Exception {
    cordon = InProcessCordon.start(dir.resolve("data"), Database.POSTGRESQL, Map.of());
    assertThat(cordon.node().store().kind()).isEqualTo("postgresql");
    admin = cordon.admin();
  }

  @AfterEach
  void stop() throws Exception {
    if (cordon != null) {
      cordon.close();
    }
  }

  @Test
  void uploadThenDownload_roundTripsBytes_andEveryStepIsAudited() throws Exception {
    String ws = admin.workspace("round trip");
    byte[] content = randomBytes(5 * 1024 * 1024 + 17, 1);
    Client.Answer up = admin.upload(ws, "batch record.bin", content);
    assertThat(up.status()).as(up.toString()).isEqualTo(201);
    assertThat(up.body().path("version").asInt()).isEqualTo(1);
    assertThat(up.body().path("size").asLong()).isEqualTo(content.length);
    assertThat(up.body().path("sha256").asText()).isEqualTo(sha256(content));
    assertThat(up.body().path("classification").asText()).isEqualTo("confidential");
    String fileId = up.body().path("id").asText();

    HttpResponse<byte[]> down = admin.downloadResponse("/api/v1/files/" + fileId + "/content");
    assertThat(down.statusCode()).isEqualTo(200);
    assertThat(down.body()).isEqualTo(content);
    assertThat(down.headers().firstValue("Repr-Digest")).isPresent();

    JsonNode listing = admin.files(ws);
    assertThat(listing).hasSize(1);
    assertThat(listing.get(0).path("name").asText()).isEqualTo("batch record.bin");

    List<JsonNode> events = admin.events();
    assertGapless(events);
    List<JsonNode> about =
        events.stream().filter(e -> fileId.equals(e.path("object").path("id").asText())).toList();
    assertThat(about)
        .extracting(e -> e.path("action").asText())
        .contains("file.upload", "file.download");
    for (JsonNode e : about) {
      assertThat(e.path("outcome").asText()).isEqualTo("success");
      if (e.path("action").asText().equals("file.inspect")) {
        // The verdict is the system's, off the request thread (docs/inspection.md).
        assertThat(e.path("context").path("channel").asText()).isEqualTo("system");
        continue;
      }
      assertThat(e.path("actor").path("username").asText()).isEqualTo(InProcessCordon.ADMIN);
      assertThat(e.path("context").path("channel").asText()).isEqualTo("web");
      assertThat(e.path("time").asText()).matches(TIME);
    }
    JsonNode upload =
        about.stream()
            .filter(e -> e.path("action").asText().equals("file.upload"))
            .findFirst()
            .orElseThrow();
    assertThat(upload.path("details").path("bytes").asLong()).isEqualTo(content.length);
    assertThat(upload.path("details").path("sha256").asText()).isEqualTo(sha256(content));
  }

  @Test
  void upload_sameNameTwice_makesTwoVersions_eachDownloadable() throws Exception {
    String ws = admin.workspace("versions");
    Client.Answer one = admin.upload(ws, "CoA.txt", "first".getBytes());
    Client.Answer two = admin.upload(ws, "CoA.txt", "second".getBytes());
    String id = one.body().path("id").asText();
    assertThat(two.body().path("id").asText()).isEqualTo(id);
    assertThat(two.body().path("version").asInt()).isEqualTo(2);
    assertThat(admin.get("/api/v1/files/" + id).body().path("versions")).hasSize(2);
    assertThat(new String(admin.download(id, 1))).isEqualTo("first");
    assertThat(new String(admin.download(id, 2))).isEqualTo("second");
    assertThat(admin.files(ws)).hasSize(1);
    assertThat(admin.files(ws).get(0).path("version").asInt()).isEqualTo(2);
  }

  @Test
  void upload_plaintextNeverOnDisk() throws Exception {
    String ws = admin.workspace("no plaintext");
    MarkedContent content = new MarkedContent("POSTGRES-PLAINTEXT-MARKER", 3L * 1024 * 1024);
    assertThat(admin.upload(ws, "secret.txt", content.bytes()).status()).isEqualTo(201);
    assertThat(BlobDirectory.filesContaining(cordon.dataDir, content.markerBytes())).isEmpty();
  }

  @Test
  void restart_filesVersionsAndAuditTrailSurvive() throws Exception {
    String ws = admin.workspace("durable");
    byte[] v1 = randomBytes(300_000, 2);
    byte[] v2 = randomBytes(400_000, 3);
    String id = admin.upload(ws, "assay.bin", v1).body().path("id").asText();
    assertThat(admin.upload(ws, "assay.bin", v2).body().path("version").asInt()).isEqualTo(2);
    long before = admin.events().size();

    cordon.restart();
    Client again = cordon.admin();

    assertThat(again.files(ws)).hasSize(1);
    assertThat(again.download(id, 1)).isEqualTo(v1);
    assertThat(again.download(id, 2)).isEqualTo(v2);
    List<JsonNode> events = again.events();
    assertGapless(events);
    assertThat(events.size()).isGreaterThan((int) before);
    VerifyResult verified =
        cordon.node().audit().verify(cordon.node().installation().operatorContext());
    assertThat(verified).isInstanceOf(VerifyResult.Intact.class);
  }

  private static void assertGapless(List<JsonNode> events) {
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).path("seq").asLong()).as("audit sequence").isEqualTo(i + 1L);
    }
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
