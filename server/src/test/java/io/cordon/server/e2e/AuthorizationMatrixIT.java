package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.server.e2e.ApiClient.Answer;
import io.cordon.server.web.RouteTable;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 item 8: no route serves anything without a policy decision. Every registered route
 * (enumerated from the same list the server registers) is called with an administrator's valid
 * session and real ids; a route that answers with success while the node's policy-decision count
 * did not move fails the test. Exempt, each for a stated reason: health probes, the OpenAPI
 * document and login (public), the session's own second-factor and logout steps, and {@code
 * /users/me}, which answers only the caller's own identity from its session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {
  private static final List<String> EXEMPT =
      List.of(
          "POST /api/v1/auth/mfa/totp",
          "POST /api/v1/auth/mfa/totp/enroll",
          "POST /api/v1/auth/mfa/totp/confirm",
          "POST /api/v1/auth/logout",
          "GET /api/v1/users/me");

  TestInstallation cordon;
  ApiClient admin;
  String workspace;
  String file;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    cordon = TestInstallation.start(dir.resolve("data"), Map.of());
    admin = cordon.client();
    assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
    Answer ws =
        admin.post("/api/v1/workspaces", ApiClient.JSON.createObjectNode().put("name", "Matrix"));
    workspace = ws.body().path("id").asText();
    file =
        admin
            .upload(workspace, "batch-record.txt", "lot 42".getBytes(StandardCharsets.UTF_8))
            .body()
            .path("id")
            .asText();
  }

  @AfterAll
  void stop() throws IOException {
    cordon.close();
  }

  @Test
  void everyRoute_servedWithValidCredentials_onlyAfterAPolicyDecision() throws Exception {
    List<RouteTable.Entry> routes = new ArrayList<>(RouteTable.of(cordon.node().httpServices()));
    // Reads first, deletions last, so that the ids stay valid for as long as possible.
    routes.sort(
        Comparator.comparingInt(r -> List.of("GET", "POST", "PUT", "DELETE").indexOf(r.method())));
    List<String> undecided = new ArrayList<>();
    List<String> served = new ArrayList<>();
    for (RouteTable.Entry r : routes) {
      String key = r.method() + " " + r.path();
      if (r.isPublic() || EXEMPT.contains(key)) {
        continue;
      }
      long before = cordon.node().policyDecisions();
      // Raw: some routes answer bytes or text, not JSON.
      int status =
          cordon
              .http
              .send(request(r.method(), concrete(r.path())), HttpResponse.BodyHandlers.discarding())
              .statusCode();
      long decided = cordon.node().policyDecisions() - before;
      if (status < 400) {
        served.add(key);
        if (decided == 0) {
          undecided.add(key + " answered " + status + " without a policy decision");
        }
      }
    }
    assertThat(undecided).isEmpty();
    // The test can only fail if routes are actually served: most must be.
    assertThat(served).hasSizeGreaterThan(15);
  }

  @Test
  void explain_administratorAsks_decisionRulesAndWhy() throws Exception {
    Answer a =
        admin.post(
            "/api/v1/policy/explain",
            ApiClient.JSON.readTree(
                "{\"subject\": {\"orgKind\": \"partner\", \"workspaceRole\": \"viewer\","
                    + " \"auth\": \"password\"}, \"action\": \"download\", \"resource\":"
                    + " {\"type\": \"file\", \"workspace\": \""
                    + workspace
                    + "\","
                    + " \"classification\": \"restricted\"}, \"context\": {\"zone\": \"corporate\"}}"));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    assertThat(a.body().path("decision").asText()).isEqualTo("step-up");
    assertThat(a.body().path("rules").toString()).contains("partner-restricted-mfa");
    assertThat(a.body().path("policyVersion").asText()).isEqualTo("cdmo-default@1");
    assertThat(a.body().path("considered").toString())
        .contains("subject.workspaceRole is viewer, wanted {is: owner}");
  }

  @Test
  void explain_memberOrBadQuestion_refusedWithProblem() throws Exception {
    Answer created =
        admin.post(
            "/api/v1/users",
            ApiClient.JSON
                .createObjectNode()
                .put("username", "member@home.example")
                .put("org", "Home")
                .put("password", TestInstallation.PASSWORD)
                .set("roles", ApiClient.JSON.createArrayNode().add("member")));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    ApiClient member = cordon.client();
    assertThat(member.login("member@home.example", TestInstallation.PASSWORD).status())
        .isEqualTo(200);
    String question = "{\"action\": \"view\", \"resource\": {\"type\": \"user\"}}";
    Answer denied = member.post("/api/v1/policy/explain", ApiClient.JSON.readTree(question));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.problemType()).endsWith("/denied");
    Answer bad =
        admin.post(
            "/api/v1/policy/explain",
            ApiClient.JSON.readTree("{\"action\": \"fly\", \"resource\": {\"type\": \"user\"}}"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("detail").asText()).contains("unknown action 'fly'");
  }

  @Test
  void exemptRoutes_stillRegistered() {
    List<String> keys =
        RouteTable.of(cordon.node().httpServices()).stream()
            .map(r -> r.method() + " " + r.path())
            .toList();
    assertThat(keys).containsAll(EXEMPT);
  }

  private String concrete(String template) {
    return template
        .replace("/workspaces/{id}", "/workspaces/" + workspace)
        .replace("/files/{id}", "/files/" + file)
        .replaceAll("\\{[^}]+}", "x_00000000000000000000");
  }

  private HttpRequest request(String method, String path) {
    HttpRequest.BodyPublisher body =
        method.equals("GET") || method.equals("DELETE")
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{}");
    return admin
        .request(path)
        .header("Content-Type", "application/json")
        .method(method, body)
        .build();
  }
}
