package io.cordon.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;

/**
 * A small client of the public HTTP API, as a script would use it: JSON in and out, a session
 * cookie plus CSRF header after login, or a bearer token.
 */
final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;
  private String cookie;
  private String csrf;
  private String bearer;
  private String device;
  private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

  /** Run after every accepted upload: waits for inspection verdicts (see TestInstallation). */
  private Runnable settle = () -> {};

  ApiClient(HttpClient http, String base) {
    this.http = http;
    this.base = base;
    // The default policy asks a reason for restricted downloads at night and at weekends; tests
    // run at any hour, so clients state one unless a test is about that obligation.
    headers.put(JUSTIFICATION, "end-to-end test");
  }

  static final String JUSTIFICATION = "Cordon-Justification";

  /** Sends no Cordon-Justification header (tests of the justification-required obligation). */
  ApiClient withoutJustification() {
    headers.remove(JUSTIFICATION);
    return this;
  }

  /**
   * The same client, waiting after each accepted upload until its verdict is in: a new version is
   * quarantined until then, and most tests are about what happens after.
   */
  ApiClient settlingInspections(Runnable wait) {
    this.settle = wait;
    return this;
  }

  /** A JSON answer: status, body and headers. */
  record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    String problemType() {
      return body.path("type").asText();
    }
  }

  Answer login(String username, String password) throws Exception {
    Answer a =
        post(
            "/api/v1/auth/login",
            JSON.createObjectNode().put("username", username).put("password", password));
    if (a.status() == 200) {
      cookie =
          a.raw().headers().allValues("Set-Cookie").stream()
              .filter(c -> c.startsWith("cordon_session="))
              .findFirst()
              .orElseThrow()
              .split(";")[0];
      csrf = a.body().path("csrfToken").asText();
    }
    return a;
  }

  ApiClient withBearer(String token) {
    this.bearer = token;
    return this;
  }

  /** Another client holding this one's credentials, e.g. to replay a session after logout. */
  ApiClient sameCredentials() {
    ApiClient copy = new ApiClient(http, base);
    copy.settle = settle;
    copy.cookie = cookie;
    copy.csrf = csrf;
    copy.bearer = bearer;
    copy.device = device;
    copy.headers.putAll(headers);
    return copy;
  }

  /** Sends this header with every request (e.g. X-Forwarded-For). */
  ApiClient withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** The device cookie this client holds ({@code cordon_device=…}), if one was issued. */
  java.util.Optional<String> deviceCookie() {
    return java.util.Optional.ofNullable(device);
  }

  ApiClient withoutCsrf() {
    this.csrf = null;
    return this;
  }

  /** A GET whose answer is text (a checkpoint, a key), or a problem. */
  HttpResponse<String> getText(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  Answer get(String path) throws Exception {
    return send(request(path).GET().build());
  }

  Answer post(String path, JsonNode body) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  Answer put(String path, JsonNode body) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  Answer delete(String path) throws Exception {
    return send(request(path).DELETE().build());
  }

  Answer delete(String path, JsonNode body) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  Answer postRaw(String path, String contentType, String body) throws Exception {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  Answer upload(String workspace, String name, byte[] bytes) throws Exception {
    return upload(workspace, name, HttpRequest.BodyPublishers.ofByteArray(bytes));
  }

  Answer upload(String workspace, String name, Supplier<InputStream> stream) throws Exception {
    return upload(workspace, name, HttpRequest.BodyPublishers.ofInputStream(stream));
  }

  private Answer upload(String workspace, String name, HttpRequest.BodyPublisher body)
      throws Exception {
    String q = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
    Answer a =
        send(
            request("/api/v1/workspaces/" + workspace + "/files?name=" + q)
                .header("Content-Type", "application/octet-stream")
                .POST(body)
                .build());
    if (a.status() == 201) {
      settle.run();
    }
    return a;
  }

  HttpResponse<byte[]> download(String fileId) throws Exception {
    return http.send(
        request("/api/v1/files/" + fileId + "/content").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A GET whose answer is bytes (a PDF view), or a problem. */
  HttpResponse<byte[]> getBytes(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<InputStream> downloadStream(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (cookie != null || device != null) {
      b.header(
          "Cookie",
          java.util.stream.Stream.of(cookie, device)
              .filter(java.util.Objects::nonNull)
              .collect(java.util.stream.Collectors.joining("; ")));
    }
    headers.forEach(b::header);
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    return b;
  }

  Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("cordon_device="))
        .findFirst()
        .ifPresent(c -> device = c.split(";")[0]);
    JsonNode body = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    return new Answer(r.statusCode(), body, r);
  }
}
