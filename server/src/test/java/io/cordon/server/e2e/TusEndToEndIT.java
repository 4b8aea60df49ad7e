package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.testing.AdjustableClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
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
 * Resumable uploads over real TLS, driven as a tus 1.0.0 client does from the protocol text
 * (tus.io/protocols/resumable-upload): creation, chunks with and without checksums, a chunk cut off
 * half-way and resumed from where the server says it stands, and the hostile cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TusEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TUS = "/api/v1/uploads";

  TestInstallation cordon;
  AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-23T10:00:00Z"));
  ApiClient admin;
  String ws;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    cordon = TestInstallation.start(dir.resolve("data"), Map.of(), clock);
    admin = cordon.client();
    assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
    ws =
        admin
            .post("/api/v1/workspaces", JSON.createObjectNode().put("name", "Tech transfer"))
            .body()
            .path("id")
            .asText();
  }

  @AfterAll
  void stop() throws IOException {
    cordon.close();
  }

  @Test
  void upload_inChunksWithChecksums_becomesTheFileWithTheAnnouncedHash() throws Exception {
    byte[] content = random(3 * 1024 * 1024 + 17, 1);
    String upload = create("batch-record.pdf", content.length, sha256Hex(content));

    HttpResponse<String> first =
        patch(upload, 0, Arrays.copyOfRange(content, 0, 1_000_000), "sha1");
    HttpResponse<String> second =
        patch(upload, 1_000_000, Arrays.copyOfRange(content, 1_000_000, 2_500_000), "sha256");
    HttpResponse<String> last =
        patch(upload, 2_500_000, Arrays.copyOfRange(content, 2_500_000, content.length), null);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(204);
    assertThat(first.headers().firstValue("Upload-Offset")).contains("1000000");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(204);
    assertThat(last.statusCode()).as(last.body()).isEqualTo(204);
    assertThat(last.headers().firstValue("Tus-Resumable")).contains("1.0.0");
    assertThat(last.headers().firstValue("Upload-Offset"))
        .contains(Integer.toString(content.length));
    String file = last.headers().firstValue("Cordon-File").orElseThrow();
    assertThat(last.headers().firstValue("Cordon-File-Sha256")).contains(sha256Hex(content));
    assertThat(admin.download(file).body()).isEqualTo(content);
    HttpResponse<String> head = head(upload);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Cordon-File")).contains(file);
    assertThat(head.headers().firstValue("Cache-Control")).contains("no-store");
    JsonNode uploaded = lastEvent("file.upload");
    assertThat(uploaded.path("object").path("id").asText()).isEqualTo(file);
    assertThat(uploaded.path("details").path("sha256").asText()).isEqualTo(sha256Hex(content));
    assertThat(lastEvent("upload.start").path("details").path("length").asLong())
        .isEqualTo(content.length);
  }

  @Test
  void patch_clientGoesAwayHalfWay_resumesFromWhereTheServerStands() throws Exception {
    byte[] content = random(4 * 1024 * 1024, 2);
    String upload = create("analytical-data.csv", content.length, null);
    int cutAfter = 2 * 1024 * 1024 + 123;

    assertThatThrownBy(() -> patchCut(upload, content, cutAfter)).isInstanceOf(IOException.class);

    long offset = awaitOffsetSettled(upload);
    assertThat(offset).isBetween(1L, (long) cutAfter);
    HttpResponse<String> rest =
        patch(upload, offset, Arrays.copyOfRange(content, (int) offset, content.length), "sha256");
    assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
    String file = rest.headers().firstValue("Cordon-File").orElseThrow();
    assertThat(admin.download(file).body()).isEqualTo(content);
  }

  @Test
  void partsAtRest_neverPlaintext() throws Exception {
    byte[] marker = ("UNRELEASED-FORMULATION-" + "y".repeat(40)).getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[400_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = marker[i % marker.length];
    }
    String upload = create("formulation.txt", content.length + 10, null);
    assertThat(patch(upload, 0, content, null).statusCode()).isEqualTo(204);

    try (Stream<Path> files = Files.walk(cordon.dataDir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(indexOf(Files.readAllBytes(f), marker)).as("plaintext in %s", f).isEqualTo(-1);
      }
    }
  }

  @Test
  void hostileRequests_clearErrorsAndNothingKept() throws Exception {
    byte[] content = random(100_000, 3);
    String upload = create("coa.pdf", content.length, sha256Hex(content));

    assertThat(patch(upload, 5, Arrays.copyOf(content, 10), null).statusCode()).isEqualTo(409);
    HttpResponse<String> badSum =
        patchWithChecksum(upload, 0, content, "sha1 " + b64(new byte[20]));
    assertThat(badSum.statusCode()).isEqualTo(460);
    assertThat(badSum.body()).contains("/problems/checksum-mismatch");
    HttpResponse<String> tooLong = patch(upload, 0, random(100_001, 4), null);
    assertThat(tooLong.statusCode()).isEqualTo(413);
    assertThat(offsetOf(upload)).isZero();

    HttpResponse<String> noVersion =
        send(admin.request(TUS + "/" + upload).method("HEAD", BodyPublishers.noBody()));
    assertThat(noVersion.statusCode()).isEqualTo(412);
    assertThat(noVersion.headers().firstValue("Tus-Version")).contains("1.0.0");
    HttpResponse<String> wrongType =
        send(
            tus(admin.request(TUS + "/" + upload))
                .header("Upload-Offset", "0")
                .header("Content-Type", "application/octet-stream")
                .method("PATCH", BodyPublishers.ofByteArray(content)));
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertThat(
            send(tus(admin.request(TUS))
                    .header("Upload-Length", "-1")
                    .header("Upload-Metadata", meta("x.txt"))
                    .POST(BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            send(tus(admin.request(TUS))
                    .header("Upload-Length", "10")
                    .header("Upload-Metadata", "filename !!notbase64,workspace " + b64(ws))
                    .POST(BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            send(tus(admin.request(TUS))
                    .header("Upload-Length", "10")
                    .header(
                        "Upload-Metadata",
                        "filename " + b64("../../etc/passwd") + ",workspace " + b64(ws))
                    .POST(BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(400);
    assertThat(head(TUS_ID_UNKNOWN).statusCode()).isEqualTo(404);
    assertThat(head("not-an-id").statusCode()).isEqualTo(404);

    ApiClient other = otherUser();
    assertThat(
            send(tus(other.request(TUS + "/" + upload)).method("HEAD", BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(404);
    assertThat(offsetOf(upload)).isZero();
  }

  @Test
  void completion_wrongAnnouncedSha256_refusedAndUploadDiscarded() throws Exception {
    byte[] content = random(50_000, 5);
    String upload = create("swapped.bin", content.length, sha256Hex(random(10, 6)));

    HttpResponse<String> last = patch(upload, 0, content, null);

    assertThat(last.statusCode()).isEqualTo(460);
    assertThat(head(upload).statusCode()).isEqualTo(404);
    assertThat(admin.get("/api/v1/workspaces/" + ws + "/files").body().findValuesAsText("name"))
        .doesNotContain("swapped.bin");
  }

  @Test
  void terminateAndExpiry_removeTheUploadAndItsParts() throws Exception {
    String gone = create("cancelled.bin", 1000, null);
    assertThat(patch(gone, 0, random(500, 7), null).statusCode()).isEqualTo(204);
    assertThat(send(tus(admin.request(TUS + "/" + gone)).DELETE()).statusCode()).isEqualTo(204);
    assertThat(head(gone).statusCode()).isEqualTo(404);

    String stale = create("stale.bin", 1000, null);
    assertThat(patch(stale, 0, random(500, 8), null).statusCode()).isEqualTo(204);
    clock.advance(Duration.ofHours(25));
    // Sessions age with the node's clock too: log in again.
    assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
    assertThat(head(stale).statusCode()).isEqualTo(410);
    assertThat(cordon.node().uploads().purgeExpired()).isGreaterThanOrEqualTo(1);
    assertThat(head(stale).statusCode()).isEqualTo(404);
    assertThat(cordon.node().sweepBlobs(Duration.ZERO).orphans()).isZero();
  }

  @Test
  void options_advertisesTheProtocol() throws Exception {
    HttpResponse<String> o = send(admin.request(TUS).method("OPTIONS", BodyPublishers.noBody()));
    assertThat(o.statusCode()).isEqualTo(204);
    assertThat(o.headers().firstValue("Tus-Version")).contains("1.0.0");
    assertThat(o.headers().firstValue("Tus-Extension").orElseThrow())
        .contains("creation", "checksum", "termination", "expiration");
    assertThat(o.headers().firstValue("Tus-Checksum-Algorithm").orElseThrow()).contains("sha1");
  }

  // --- a tus client, from the protocol ---------------------------------------------------------

  private static final String TUS_ID_UNKNOWN = "up_0000000000000000000a";

  private String create(String name, long length, String sha256) throws Exception {
    String metadata = meta(name) + (sha256 == null ? "" : ",sha256 " + b64(sha256));
    HttpResponse<String> r =
        send(
            tus(admin.request(TUS))
                .header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", metadata)
                .POST(BodyPublishers.noBody()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(TUS + "/");
    return location.substring(TUS.length() + 1);
  }

  private String meta(String name) {
    return "filename " + b64(name) + ",workspace " + b64(ws);
  }

  private HttpResponse<String> patch(String upload, long offset, byte[] chunk, String algorithm)
      throws Exception {
    if (algorithm == null) {
      return patchWithChecksum(upload, offset, chunk, null);
    }
    String javaName = Map.of("sha1", "SHA-1", "sha256", "SHA-256").get(algorithm);
    return patchWithChecksum(
        upload,
        offset,
        chunk,
        algorithm + " " + b64(MessageDigest.getInstance(javaName).digest(chunk)));
  }

  private HttpResponse<String> patchWithChecksum(
      String upload, long offset, byte[] chunk, String checksum) throws Exception {
    HttpRequest.Builder b =
        tus(admin.request(TUS + "/" + upload))
            .header("Upload-Offset", Long.toString(offset))
            .header("Content-Type", "application/offset+octet-stream");
    if (checksum != null) {
      b.header("Upload-Checksum", checksum);
    }
    return send(b.method("PATCH", BodyPublishers.ofByteArray(chunk)));
  }

  /** Sends the whole rest of the file but the client dies after {@code cutAfter} bytes. */
  private void patchCut(String upload, byte[] content, int cutAfter) throws Exception {
    InputStream dying =
        new InputStream() {
          int at;

          @Override
          public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (at >= cutAfter) {
              throw new IOException("the client died");
            }
            int n = Math.min(len, cutAfter - at);
            System.arraycopy(content, at, b, off, n);
            at += n;
            return n;
          }
        };
    send(
        tus(admin.request(TUS + "/" + upload))
            .header("Upload-Offset", "0")
            .header("Content-Type", "application/offset+octet-stream")
            .method(
                "PATCH",
                BodyPublishers.fromPublisher(
                    BodyPublishers.ofInputStream(() -> dying), content.length)));
  }

  /** The server finishes storing a cut chunk shortly after the client went away. */
  private long awaitOffsetSettled(String upload) throws Exception {
    long last = -1;
    for (int i = 0; i < 100; i++) {
      long now = offsetOf(upload);
      if (now > 0 && now == last) {
        return now;
      }
      last = now;
      Thread.sleep(100);
    }
    return last;
  }

  private long offsetOf(String upload) throws Exception {
    HttpResponse<String> h = head(upload);
    assertThat(h.statusCode()).isEqualTo(200);
    return Long.parseLong(h.headers().firstValue("Upload-Offset").orElseThrow());
  }

  private HttpResponse<String> head(String upload) throws Exception {
    return send(tus(admin.request(TUS + "/" + upload)).method("HEAD", BodyPublishers.noBody()));
  }

  private static HttpRequest.Builder tus(HttpRequest.Builder b) {
    return b.header("Tus-Resumable", "1.0.0");
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return cordon.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private ApiClient otherUser() throws Exception {
    String name = "other" + System.nanoTime() + "@home.example";
    assertThat(
            admin
                .post(
                    "/api/v1/users",
                    JSON.createObjectNode()
                        .put("username", name)
                        .put("org", "Home")
                        .put("password", "another long password"))
                .status())
        .isEqualTo(201);
    admin.post(
        "/api/v1/workspaces/" + ws + "/members",
        JSON.createObjectNode().put("user", name).put("role", "contributor"));
    ApiClient c = cordon.clientFrom("127.0.0.77");
    assertThat(c.login(name, "another long password").status()).isEqualTo(200);
    return c;
  }

  private JsonNode lastEvent(String action) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    admin.get("/api/v1/audit/events?from=1&limit=1000").body().forEach(found::add);
    return found.stream()
        .filter(e -> e.path("action").asText().equals(action))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static String sha256Hex(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private static String b64(String s) {
    return b64(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
