package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.server.web.RouteTable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deny by default ("One door", ARCHITECTURE.md): every registered route other than the public ones
 * refuses a request without valid credentials with a 401 problem, every route is described in the
 * published OpenAPI document and every documented operation is a route; what is not a route answers
 * a problem, never an HTML page or a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteCoverageIT {
  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  TestInstallation cordon;
  List<RouteTable.Entry> routes;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    cordon = TestInstallation.start(dir.resolve("data"), Map.of());
    routes = RouteTable.of(cordon.node().httpServices());
  }

  @AfterAll
  void stop() throws IOException {
    cordon.close();
  }

  @Test
  void routeTable_listsTheContract_andOnlyProbesAndLoginArePublic() {
    assertThat(routes).hasSizeGreaterThan(15);
    assertThat(routes.stream().filter(RouteTable.Entry::isPublic).map(RouteCoverageIT::key))
        .containsExactlyInAnyOrder(
            "GET /healthz",
            "GET /readyz",
            "GET /api/v1/openapi.json",
            "POST /api/v1/auth/login",
            // Like login: the single-use invitation token is the credential.
            "POST /api/v1/invitations/accept",
            // The web UI's entry (a redirect), its sign-in page and its static files (no data).
            "GET /",
            "GET /ui/login",
            "GET /assets/{hash}/{name}");
  }

  @Test
  void everyGuardedRoute_noCredentials_unauthorisedProblem() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (RouteTable.Entry r : guarded()) {
      HttpResponse<String> a = send(r.method(), concrete(r.path()), null);
      expectRefused(soft, key(r), r, a);
    }
    soft.assertAll();
  }

  @Test
  void everyGuardedRoute_garbageBearerToken_unauthorisedProblem() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (RouteTable.Entry r : guarded()) {
      for (String authorization :
          List.of("Bearer cordon_garbage", "Bearer " + "A".repeat(500), "Basic YTpi", "Bearer")) {
        HttpResponse<String> a = send(r.method(), concrete(r.path()), authorization);
        expectRefused(soft, key(r) + " with " + authorization, r, a);
      }
    }
    soft.assertAll();
  }

  @Test
  void everyGuardedRoute_garbageSessionCookie_unauthorisedProblem() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (RouteTable.Entry r : guarded()) {
      HttpResponse<String> a =
          cordon.http.send(
              request(r.method(), concrete(r.path()))
                  .header("Cookie", "cordon_session=not-a-session")
                  .header("X-CSRF-Token", "whatever")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      expectRefused(soft, key(r) + " with a garbage cookie", r, a);
      if (isUiPage(r)) {
        soft.assertThat(a.headers().firstValue("Location").orElse(""))
            .as(key(r) + ": a dead session is told so")
            .contains("why=expired");
      }
    }
    soft.assertAll();
  }

  @Test
  void publicRoutes_noCredentials_answerWithoutAuthentication() throws Exception {
    for (String path : List.of("/healthz", "/readyz", "/api/v1/openapi.json")) {
      HttpResponse<String> a = send("GET", path, null);
      assertThat(a.statusCode()).as(path).isEqualTo(200);
      assertThat(a.headers().firstValue("Content-Type").orElse("")).contains("json");
    }
  }

  @Test
  void openApi_describesExactlyTheRoutes() throws Exception {
    JsonNode doc;
    try (InputStream in = RouteCoverageIT.class.getResourceAsStream("/openapi.json")) {
      doc = ApiClient.JSON.readTree(in);
    }
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      p.getValue()
          .fieldNames()
          .forEachRemaining(
              m -> {
                if (HTTP_METHODS.contains(m)) {
                  documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
                }
              });
    }
    Set<String> served = new TreeSet<>(routes.stream().map(RouteCoverageIT::key).toList());
    assertThat(documented).as("documented but not served").isSubsetOf(served);
    assertThat(served).as("served but not documented").isSubsetOf(documented);

    // The server publishes the same document it was built with.
    HttpResponse<String> published = send("GET", "/api/v1/openapi.json", null);
    assertThat(ApiClient.JSON.readTree(published.body())).isEqualTo(doc);
    assertThat(doc.path("openapi").asText()).startsWith("3.1");
  }

  @Test
  void unknownPaths_notFoundProblem() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (String path :
        List.of(
            "/index.html",
            "/ui/nothing-here",
            "/api",
            "/api/v1",
            "/api/v1/nothing-here",
            "/api/v2/workspaces",
            "/api/v1/files/x/y/z",
            "/api/v1/workspaces/x/files/y",
            "/.env",
            "/WEB-INF/web.xml",
            "/api/v1/%2e%2e/%2e%2e/etc/passwd")) {
      HttpResponse<String> a = send("GET", path, null);
      expectProblem(soft, "GET " + path, a, 404, "/not-found");
    }
    soft.assertAll();
  }

  @Test
  void knownPath_wrongMethod_notFoundOrMethodNotAllowedProblem() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    Set<String> served = new TreeSet<>(routes.stream().map(RouteCoverageIT::key).toList());
    for (RouteTable.Entry r : routes) {
      for (String method : List.of("PUT", "DELETE", "PATCH", "POST", "GET")) {
        if (served.contains(method + " " + r.path())) {
          continue;
        }
        HttpResponse<String> a = send(method, concrete(r.path()), null);
        String what = method + " " + r.path();
        soft.assertThat(a.statusCode()).as(what).isIn(404, 405);
        soft.assertThat(a.headers().firstValue("Content-Type").orElse(""))
            .as(what)
            .startsWith("application/problem+json");
        soft.assertThat(a.body()).as(what).doesNotContain("<html", "Exception", "at io.");
      }
    }
    soft.assertAll();
  }

  private List<RouteTable.Entry> guarded() {
    List<RouteTable.Entry> g = routes.stream().filter(r -> !r.isPublic()).toList();
    assertThat(g).isNotEmpty();
    return g;
  }

  /**
   * Refused without valid credentials: API routes with a 401 problem; web UI pages by sending the
   * browser to sign in (and back afterwards), never by serving the page.
   */
  private static void expectRefused(
      SoftAssertions soft, String what, RouteTable.Entry r, HttpResponse<String> a) {
    if (!isUiPage(r)) {
      expectProblem(soft, what, a, 401, "/unauthenticated");
      return;
    }
    soft.assertThat(a.statusCode()).as(what).isEqualTo(303);
    soft.assertThat(a.headers().firstValue("Location").orElse(""))
        .as(what)
        .startsWith("/ui/login?next=");
    soft.assertThat(a.body()).as(what).doesNotContain("<html", "Exception", "at io.");
  }

  private static boolean isUiPage(RouteTable.Entry r) {
    return r.path().equals("/ui") || r.path().startsWith("/ui/");
  }

  private static void expectProblem(
      SoftAssertions soft, String what, HttpResponse<String> a, int status, String typeSuffix) {
    soft.assertThat(a.statusCode()).as(what).isEqualTo(status);
    soft.assertThat(a.headers().firstValue("Content-Type").orElse(""))
        .as(what)
        .startsWith("application/problem+json");
    soft.assertThat(a.body()).as(what).doesNotContain("<html", "Exception", "at io.");
    if (a.request().method().equals("HEAD")) {
      soft.assertThat(a.body()).as(what + ": a HEAD answer has no body").isEmpty();
      return;
    }
    try {
      JsonNode body = ApiClient.JSON.readTree(a.body());
      soft.assertThat(body.path("type").asText()).as(what).endsWith(typeSuffix);
      soft.assertThat(body.path("status").asInt()).as(what).isEqualTo(status);
      soft.assertThat(body.path("detail").asText()).as(what).isNotBlank();
    } catch (IOException e) {
      soft.fail(what + ": the body is not JSON: " + a.body());
    }
  }

  private static String key(RouteTable.Entry r) {
    return r.method() + " " + r.path();
  }

  /** A path template with its parameters filled in with plausible identifiers. */
  private static String concrete(String template) {
    return template.replaceAll("\\{[^}]+}", "x_00000000000000000000");
  }

  private HttpResponse<String> send(String method, String path, String authorization)
      throws Exception {
    HttpRequest.Builder b = request(method, path);
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return cordon.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String method, String path) {
    HttpRequest.BodyPublisher body =
        method.equals("GET") || method.equals("DELETE")
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{}");
    return HttpRequest.newBuilder(URI.create(cordon.base + path))
        .header("Content-Type", "application/json")
        .method(method, body);
  }
}
