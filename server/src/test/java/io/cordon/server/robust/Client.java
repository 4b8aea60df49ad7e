package io.cordon.server.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A client of the public HTTPS API as a script uses it: it trusts only the installation's own CA,
 * logs in with a password (session cookie plus CSRF header) and speaks JSON. Thread-safe once
 * logged in.
 */
final class Client {
  static final ObjectMapper JSON = new ObjectMapper();

  final SSLContext tls;
  final int port;
  private final HttpClient http;
  private final String base;
  private volatile String cookie;
  private volatile String csrf;

  Client(Path caPem, int port) throws Exception {
    this.tls = trusting(caPem);
    this.port = port;
    this.base = "https://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .sslContext(tls)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** An answer: status, parsed body (empty object when there is none) and the raw response. */
  record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    String problemType() {
      return body.path("type").asText();
    }

    String contentType() {
      return raw.headers().firstValue("Content-Type").orElse("");
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  Client login(String username, String password) throws Exception {
    Answer a =
        post(
            "/api/v1/auth/login",
            JSON.createObjectNode().put("username", username).put("password", password));
    assertThat(a.status()).as("login: %s", a).isEqualTo(200);
    cookie =
        a.raw().headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("cordon_session="))
            .findFirst()
            .orElseThrow()
            .split(";")[0];
    csrf = a.body().path("csrfToken").asText();
    return this;
  }

  /** The headers that authenticate a request of this client, for hand-made requests. */
  Map<String, String> credentials() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Cookie", cookie);
    h.put("X-CSRF-Token", csrf);
    return h;
  }

  /** Creates a workspace and answers its id. */
  String workspace(String name) throws Exception {
    Answer a =
        post(
            "/api/v1/workspaces",
            JSON.createObjectNode().put("name", name).put("classification", "confidential"));
    assertThat(a.status()).as("create workspace: %s", a).isEqualTo(201);
    return a.body().path("id").asText();
  }

  Answer get(String path) throws Exception {
    return send(request(path).GET().build());
  }

  Answer post(String path, ObjectNode body) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  Answer upload(String workspace, String name, byte[] content) throws Exception {
    return upload(workspace, name, HttpRequest.BodyPublishers.ofByteArray(content));
  }

  /** Streams a body of known length from {@code body} (never held in memory as a whole). */
  Answer upload(String workspace, String name, long length, Supplier<InputStream> body)
      throws Exception {
    return upload(
        workspace,
        name,
        HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(body), length));
  }

  private Answer upload(String workspace, String name, HttpRequest.BodyPublisher body)
      throws Exception {
    return send(
        request(uploadPath(workspace, name))
            .header("Content-Type", "application/octet-stream")
            .POST(body)
            .build());
  }

  static String uploadPath(String workspace, String name) {
    return "/api/v1/workspaces/"
        + workspace
        + "/files?name="
        + URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  /** The workspace's listing: one entry per file, with its newest version. */
  JsonNode files(String workspace) throws Exception {
    Answer a = get("/api/v1/workspaces/" + workspace + "/files");
    assertThat(a.status()).as("list files: %s", a).isEqualTo(200);
    return a.body();
  }

  /** The bytes of one version of a file, asserting a complete 200 answer. */
  byte[] download(String fileId, int version) throws Exception {
    HttpResponse<byte[]> r =
        downloadResponse("/api/v1/files/" + fileId + "/content?version=" + version);
    assertThat(r.statusCode()).as("download %s v%s", fileId, version).isEqualTo(200);
    return r.body();
  }

  /** A GET whose body is bytes, with its status and headers. */
  HttpResponse<byte[]> downloadResponse(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Every audit event so far, oldest first, read page by page. */
  List<JsonNode> events() throws Exception {
    List<JsonNode> all = new ArrayList<>();
    long from = 1;
    while (true) {
      Answer page = get("/api/v1/audit/events?from=" + from + "&limit=500");
      assertThat(page.status()).as("audit events: %s", page).isEqualTo(200);
      for (JsonNode e : page.body()) {
        all.add(e);
      }
      if (page.body().size() < 500) {
        return all;
      }
      from = all.getLast().path("seq").asLong() + 1;
    }
  }

  /** The audit events of one action about objects with this name. */
  List<JsonNode> events(String action, String objectName) throws Exception {
    return events().stream()
        .filter(e -> e.path("action").asText().equals(action))
        .filter(e -> e.path("object").path("name").asText().equals(objectName))
        .toList();
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (cookie != null) {
      b.header("Cookie", cookie).header("X-CSRF-Token", csrf);
    }
    return b;
  }

  Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode body = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    return new Answer(r.statusCode(), body, r);
  }

  static SSLContext trusting(Path caPem) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(caPem)) {
      trust.setCertificateEntry(
          "ca", (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLSv1.3");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }
}
