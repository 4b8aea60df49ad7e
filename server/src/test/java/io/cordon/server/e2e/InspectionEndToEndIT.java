package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.server.e2e.ApiClient.Answer;
import io.cordon.server.malware.LocalClamd;
import io.cordon.testing.AdjustableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inspection verdicts end to end over real TLS, with a real clamd (EICAR-only database built by
 * {@link LocalClamd}): uploads are labelled from what they hold, a private key quarantines its
 * file, PHI leaves only for an organisation with a BAA, people raise and (with permission and a
 * reason) lower labels, and EICAR is infected with an alert. Decided on a weekday at noon, so no
 * time-of-day obligation interferes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionEndToEndIT {
  private static final String PASSWORD = "inspection password 123";
  private static final String OWNER = "qa.lead@home.example";
  private static final String CONTRIBUTOR = "scientist@home.example";
  private static final String SPONSOR = "qa@sponsor.example";
  private static final String CRO = "qa@cro.example";

  LocalClamd clamd;
  TestInstallation cordon;
  ApiClient admin;
  ApiClient owner;
  ApiClient contributor;
  ApiClient sponsor;
  ApiClient cro;
  String ws;
  String croOrg;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("clamd"));
    clamd = LocalClamd.start(dir.resolve("clamd"));
    cordon =
        TestInstallation.start(
            dir.resolve("data"),
            Map.of(
                "CORDON_MALWARE_CLAMD",
                clamd.unixSetting(),
                // The test's loopback is the corporate network: restricted downloads need no
                // phishing-resistant factor there.
                "CORDON_NETWORK_ZONES",
                "{corporate: [127.0.0.0/8, \"::1/128\"]}",
                "CORDON_SHARING_ALLOWED_DOMAINS",
                "sponsor.example, cro.example"),
            new AdjustableClock(Instant.parse("2026-11-23T12:00:00Z")));
    admin = cordon.client();
    assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
    admin.post(
        "/api/v1/organisations",
        ApiClient.JSON.createObjectNode().put("name", "Sponsor Ltd").put("kind", "partner"));
    croOrg =
        admin
            .post(
                "/api/v1/organisations",
                ApiClient.JSON.createObjectNode().put("name", "CRO Ltd").put("kind", "partner"))
            .body()
            .path("id")
            .asText();
    owner = user("Home", OWNER);
    contributor = user("Home", CONTRIBUTOR);
    sponsor = user("Sponsor Ltd", SPONSOR);
    cro = user("CRO Ltd", CRO);
    Answer w =
        owner.post(
            "/api/v1/workspaces",
            ApiClient.JSON
                .createObjectNode()
                .put("name", "clinical")
                .put("classification", "internal"));
    assertThat(w.status()).as(w.body().toString()).isEqualTo(201);
    ws = w.body().path("id").asText();
    Answer m =
        owner.post(
            "/api/v1/workspaces/" + ws + "/members",
            ApiClient.JSON.createObjectNode().put("user", CONTRIBUTOR).put("role", "contributor"));
    assertThat(m.status()).as(m.body().toString()).isEqualTo(201);
  }

  @AfterAll
  void stop() throws Exception {
    if (cordon != null) {
      cordon.close();
    }
    if (clamd != null) {
      clamd.close();
    }
  }

  @Test
  void upload_textWithAnSsn_answersPending_thenIsRestrictedPii() throws Exception {
    Answer up =
        contributor.upload(
            ws,
            "screening.txt",
            "Subject screening log\nSSN 536-22-8173 verified by site staff\n"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(up.status()).as(up.body().toString()).isEqualTo(201);
    assertThat(up.body().path("inspection").asText()).isEqualTo("pending");

    JsonNode meta = contributor.get("/api/v1/files/" + up.body().path("id").asText()).body();
    assertThat(meta.path("inspection").asText()).isEqualTo("flagged");
    assertThat(meta.path("classification").asText()).isEqualTo("restricted");
    assertThat(meta.path("dataTypes").toString()).contains("PII");
    assertThat(meta.path("findings").path("US_SSN").asLong()).isEqualTo(1);
    assertThat(meta.toString()).as("no value or sample in the metadata").doesNotContain("8173");
  }

  @Test
  void upload_pemPrivateKey_isQuarantined_partnerCannotHaveIt_managerCan() throws Exception {
    byte[] key =
        ("deploy key\n-----BEGIN EC PRIVATE KEY-----\n"
                + "MHcCAQEEIBkqk1b0qLZ7n5Y4lQmJ0y8Q9zT3c8eYl0a2Rk7o3xXkoAoGCCqGSM49\n"
                + "AwEHoUQDQgAE2mPq9cZ7rH3Wm5v1yYd0Yw7Lk8p1h1t0wKJx3G2bY8a3mJx0i0aW\n"
                + "n6Jb5rQm1tYg3Vd2qL0XcQ8bY3fHc1o5Zw==\n-----END EC PRIVATE KEY-----\n")
            .getBytes(StandardCharsets.US_ASCII);
    String file = contributor.upload(ws, "deploy-key.pem", key).body().path("id").asText();

    JsonNode meta = owner.get("/api/v1/files/" + file).body();
    assertThat(meta.path("dataTypes").toString()).contains("SECRET");
    assertThat(meta.path("versions").get(0).path("inspection").path("quarantined").asBoolean())
        .isTrue();

    Answer share = owner.post("/api/v1/files/" + file + "/shares", recipients(SPONSOR));
    assertThat(share.status()).isEqualTo(403);
    assertThat(share.body().path("detail").asText()).contains("not shared outside");
    assertThat(sponsor.download(file).statusCode()).isEqualTo(403);
    assertThat(contributor.download(file).statusCode())
        .as("even the uploader, who is no manager")
        .isEqualTo(403);
    java.net.http.HttpResponse<byte[]> taken = owner.download(file);
    assertThat(taken.statusCode())
        .as(new String(taken.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    assertThat(taken.body()).isEqualTo(key);
  }

  @Test
  void phiFile_sharedWithAPartnerWithoutBaa_isDenied_withABaa_isPermitted() throws Exception {
    String file =
        contributor
            .upload(
                ws,
                "adverse-event.txt",
                "Adverse event narrative. Patient MRN 00482913 was admitted on day 3.\n"
                    .getBytes(StandardCharsets.UTF_8))
            .body()
            .path("id")
            .asText();
    assertThat(owner.get("/api/v1/files/" + file).body().path("dataTypes").toString())
        .contains("PHI");

    Answer denied = owner.post("/api/v1/files/" + file + "/shares", recipients(SPONSOR));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.body().path("detail").asText()).contains("Business Associate Agreement");

    Answer baa =
        admin.put(
            "/api/v1/organisations/" + croOrg + "/baa",
            ApiClient.JSON
                .createObjectNode()
                .put("baa", true)
                .put("effective", "2026-11-01T00:00:00Z"));
    assertThat(baa.status()).as(baa.body().toString()).isEqualTo(200);
    assertThat(owner.put("/api/v1/organisations/" + croOrg + "/baa", baa.body()).status())
        .as("only administrators record agreements")
        .isEqualTo(403);

    Answer permitted = owner.post("/api/v1/files/" + file + "/shares", recipients(CRO));
    assertThat(permitted.status()).as(permitted.body().toString()).isEqualTo(201);

    // The agreement ends: the partner's next request is refused by the policy.
    admin.put(
        "/api/v1/organisations/" + croOrg + "/baa",
        ApiClient.JSON.createObjectNode().put("baa", false));
    Answer view = cro.get("/api/v1/files/" + file + "/view");
    assertThat(view.status()).isEqualTo(403);
    assertThat(view.body().path("detail").asText()).contains("Business Associate Agreement");
    assertThat(actions(file)).contains("share.create");
    assertThat(adminActions()).contains("organisation.baa");
  }

  @Test
  void label_raisedByAContributor_loweredOnlyByAManagerWithAJustification() throws Exception {
    String file =
        contributor
            .upload(
                ws,
                "minutes.txt",
                "Meeting minutes: cleaning validation schedule.\n".getBytes(StandardCharsets.UTF_8))
            .body()
            .path("id")
            .asText();
    String path = "/api/v1/files/" + file + "/classification";
    assertThat(owner.get("/api/v1/files/" + file).body().path("inspection").asText())
        .isEqualTo("clean");

    Answer raised =
        contributor.post(
            path, ApiClient.JSON.createObjectNode().put("classification", "confidential"));
    assertThat(raised.status()).as(raised.body().toString()).isEqualTo(200);
    assertThat(raised.body().path("classificationBefore").asText()).isEqualTo("internal");

    Answer lowerDenied =
        contributor.post(
            path,
            ApiClient.JSON
                .createObjectNode()
                .put("classification", "internal")
                .put("justification", "typo"));
    assertThat(lowerDenied.status()).isEqualTo(403);

    Answer noReason =
        owner.post(path, ApiClient.JSON.createObjectNode().put("classification", "internal"));
    assertThat(noReason.status()).isEqualTo(400);

    Answer lowered =
        owner.post(
            path,
            ApiClient.JSON
                .createObjectNode()
                .put("classification", "internal")
                .put("justification", "holds no formulation data; reviewed by QA"));
    assertThat(lowered.status()).as(lowered.body().toString()).isEqualTo(200);
    assertThat(owner.get("/api/v1/files/" + file).body().path("classification").asText())
        .isEqualTo("internal");

    JsonNode declassify =
        events(file).stream()
            .filter(e -> e.path("action").asText().equals("file.declassify"))
            .filter(e -> e.path("outcome").asText().equals("success"))
            .findFirst()
            .orElseThrow();
    assertThat(declassify.path("details").path("from").asText()).isEqualTo("confidential");
    assertThat(declassify.path("details").path("to").asText()).isEqualTo("internal");
    assertThat(declassify.path("details").path("justification").asText()).contains("reviewed");
    assertThat(actions(file)).contains("file.classify");
  }

  @Test
  void upload_eicar_isInfected_quarantined_andAlerted() throws Exception {
    String file =
        contributor.upload(ws, "invoice.com", LocalClamd.eicar()).body().path("id").asText();

    JsonNode meta = owner.get("/api/v1/files/" + file).body();
    assertThat(meta.path("inspection").asText()).isEqualTo("infected");
    assertThat(meta.path("versions").get(0).path("inspection").path("malware").asText())
        .startsWith("Eicar-Test-Signature");
    assertThat(contributor.download(file).statusCode()).isEqualTo(403);
    assertThat(actions(file)).contains("file.inspect", "alert.raise");
  }

  // ---- helpers ----

  private ApiClient user(String org, String username) throws Exception {
    Answer u =
        admin.post(
            "/api/v1/users",
            ApiClient.JSON
                .createObjectNode()
                .put("username", username)
                .put("email", username)
                .put("org", org)
                .put("password", PASSWORD));
    assertThat(u.status()).as(u.body().toString()).isEqualTo(201);
    ApiClient c = cordon.client();
    assertThat(c.login(username, PASSWORD).status()).isEqualTo(200);
    return c;
  }

  private static ObjectNode recipients(String who) {
    ObjectNode b = ApiClient.JSON.createObjectNode();
    b.putArray("recipients").add(who);
    return b;
  }

  private List<JsonNode> events(String file) throws Exception {
    Answer a = owner.get("/api/v1/files/" + file + "/activity");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    JsonNode list = a.body().isArray() ? a.body() : a.body().path("events");
    list.forEach(out::add);
    return out;
  }

  private List<String> actions(String file) throws Exception {
    return events(file).stream().map(e -> e.path("action").asText()).toList();
  }

  private List<String> adminActions() throws Exception {
    Answer a = admin.get("/api/v1/audit/events?action=organisation.baa");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    JsonNode list = a.body().isArray() ? a.body() : a.body().path("events");
    list.forEach(e -> out.add(e.path("action").asText()));
    return out;
  }
}
