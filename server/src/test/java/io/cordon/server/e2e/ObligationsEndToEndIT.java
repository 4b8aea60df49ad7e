package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cordon.policy.PolicySet;
import io.cordon.policy.PolicySource;
import io.cordon.server.e2e.ApiClient.Answer;
import io.cordon.testing.AdjustableClock;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Every obligation of a permit is honoured, or the permit does not hold: a restricted download at
 * the weekend needs a stated reason (default policy), which goes into the audit event; the owner
 * hears of access when a rule says so; content that must carry a watermark leaves only through the
 * watermarked view. The node's clock stands on a Saturday; the extra rules come from a policy
 * directory holding the default set plus one document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObligationsEndToEndIT {
  private static final String PASSWORD = "a long enough user password";
  private static final String OWNER = "qa.owner@home.example";
  private static final String READER = "scientist@home.example";
  // The last Saturday noon before now (UTC): in the past, so that the node's TLS certificate,
  // dated by the node's clock, is already valid for the client.
  private static final Instant SATURDAY_NOON =
      java.time.LocalDate.now(java.time.ZoneOffset.UTC)
          .with(java.time.temporal.TemporalAdjusters.previous(java.time.DayOfWeek.SATURDAY))
          .atTime(12, 0)
          .toInstant(java.time.ZoneOffset.UTC);

  private static final String EXTRA_RULES =
      """
      policy: obligations-test
      version: 1
      rules:
        - id: confidential-owner-told
          effect: oblige
          reason: the owner hears of every download of confidential content
          actions: download
          resources: file
          when:
            resource.classification: confidential
          obligations: [notify-owner]

        - id: internal-download-watermarked
          effect: oblige
          reason: internal content leaves only with the reader's watermark
          actions: download
          resources: file
          when:
            resource.classification: internal
          obligations: [watermark]
      """;

  GreenMail smtp;
  TestInstallation cordon;
  ApiClient admin;
  ApiClient owner;
  ApiClient reader;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    Path policies = Files.createDirectories(dir.resolve("policies"));
    for (PolicySource s : PolicySet.defaultSources()) {
      Files.writeString(policies.resolve(s.name()), s.text());
    }
    Files.writeString(policies.resolve("zz-obligations-test.yaml"), EXTRA_RULES);
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    cordon =
        TestInstallation.start(
            dir.resolve("data"),
            Map.of(
                "CORDON_POLICY_DIR",
                policies.toString(),
                "CORDON_SMTP_HOST",
                "127.0.0.1",
                "CORDON_SMTP_PORT",
                Integer.toString(smtp.getSmtp().getPort()),
                "CORDON_SMTP_FROM",
                "cordon@home.example",
                // On the corporate network, restricted downloads need no passkey step-up; the
                // weekend still asks for a reason.
                "CORDON_NETWORK_ZONES",
                "{corporate: [127.0.0.0/8, \"::1/128\"]}"),
            new AdjustableClock(SATURDAY_NOON));
    admin = cordon.client();
    assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
    owner = user(OWNER);
    reader = user(READER);
  }

  @AfterAll
  void stop() throws Exception {
    cordon.close();
    smtp.stop();
  }

  @Test
  void restrictedDownloadAtTheWeekend_needsAReason_whichIsAudited() throws Exception {
    String file = uploadInto("restricted", "batch-record-42.txt");
    ApiClient silent = reader.sameCredentials().withoutJustification();

    HttpResponse<byte[]> refused = silent.download(file);
    assertThat(refused.statusCode())
        .as(new String(refused.body(), StandardCharsets.UTF_8))
        .isEqualTo(403);
    assertThat(new String(refused.body(), StandardCharsets.UTF_8))
        .contains("https://cordon.dev/problems/justification-required")
        .contains("Cordon-Justification");

    // A reason that is not text is refused before anything is decided.
    assertThat(silent.withHeader(ApiClient.JUSTIFICATION, "ok%0Athen").download(file).statusCode())
        .isEqualTo(400);
    assertThat(
            silent
                .sameCredentials()
                .withHeader(ApiClient.JUSTIFICATION, "x".repeat(1001))
                .download(file)
                .statusCode())
        .isEqualTo(400);

    // The browser's download link cannot send a header: the page asks, and the form repeats the
    // request with the reason as a parameter.
    ApiClient browser = reader.sameCredentials().withoutJustification();
    HttpResponse<byte[]> asked = browser.getBytes("/ui/files/" + file + "/download");
    assertThat(asked.statusCode()).isEqualTo(403);
    assertThat(new String(asked.body(), StandardCharsets.UTF_8))
        .contains("Why do you need this?")
        .contains("name=\"justification\"");
    HttpResponse<byte[]> viaForm =
        browser.getBytes("/ui/files/" + file + "/download?justification=batch%20release%20review");
    assertThat(viaForm.statusCode()).isEqualTo(200);

    String why = "Deviation DV-1043: batch release review (Prüfung)";
    HttpResponse<byte[]> taken =
        reader
            .sameCredentials()
            .withHeader(
                ApiClient.JUSTIFICATION,
                java.net.URLEncoder.encode(why, StandardCharsets.UTF_8).replace("+", "%20"))
            .download(file);
    assertThat(taken.statusCode()).isEqualTo(200);

    List<JsonNode> downloads = events("file.download", file);
    assertThat(downloads)
        .extracting(e -> e.path("outcome").asText())
        .containsExactly("denied", "denied", "success", "success");
    assertThat(downloads.get(0).path("reason").asText()).contains("justification required");
    assertThat(downloads.get(2).path("details").path("justification").asText())
        .isEqualTo("batch release review");
    assertThat(downloads.get(3).path("details").path("justification").asText()).isEqualTo(why);
  }

  @Test
  void notifyOwner_queuesAMailToTheUploader_withoutTheNameOfConfidentialContent() throws Exception {
    String file = uploadInto("confidential", "formulation-XR.txt");
    assertThat(reader.download(file).statusCode()).isEqualTo(200);
    MimeMessage notice = awaitMail(OWNER, "Someone was granted access to your file");
    String text = notice.getContent().toString();
    assertThat(text).contains(READER).contains("download").doesNotContain("formulation-XR");
    assertThat(text).contains("/api/v1/files/" + file + "/activity");
    // The owner's own download is no news to the owner.
    int before = mailsTo(OWNER).size();
    assertThat(owner.download(file).statusCode()).isEqualTo(200);
    assertThat(reader.download(file).statusCode()).isEqualTo(200);
    awaitMailCount(OWNER, before + 1);
    Thread.sleep(500);
    assertThat(mailsTo(OWNER)).hasSize(before + 1);
  }

  @Test
  void watermarkObligation_refusesTheRawBytes_theViewCarriesIt() throws Exception {
    String file = uploadInto("internal", "meeting-notes.txt");
    HttpResponse<byte[]> raw = reader.download(file);
    assertThat(raw.statusCode()).isEqualTo(403);
    assertThat(new String(raw.body(), StandardCharsets.UTF_8)).contains("watermark");
    HttpResponse<byte[]> view = reader.getBytes("/api/v1/files/" + file + "/view");
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(new String(view.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  // --- helpers ----------------------------------------------------------------------------

  private String uploadInto(String classification, String name) throws Exception {
    Answer ws =
        owner.post(
            "/api/v1/workspaces",
            ApiClient.JSON
                .createObjectNode()
                .put("name", classification + "-" + name)
                .put("classification", classification));
    assertThat(ws.status()).as(ws.body().toString()).isEqualTo(201);
    String id = ws.body().path("id").asText();
    Answer member =
        owner.post(
            "/api/v1/workspaces/" + id + "/members",
            ApiClient.JSON.createObjectNode().put("user", READER).put("role", "viewer"));
    assertThat(member.status()).as(member.body().toString()).isEqualTo(201);
    Answer up = owner.upload(id, name, ("contents of " + name).getBytes(StandardCharsets.UTF_8));
    assertThat(up.status()).as(up.body().toString()).isEqualTo(201);
    return up.body().path("id").asText();
  }

  private ApiClient user(String username) throws Exception {
    Answer u =
        admin.post(
            "/api/v1/users",
            ApiClient.JSON
                .createObjectNode()
                .put("username", username)
                .put("email", username)
                .put("org", "Home")
                .put("password", PASSWORD));
    assertThat(u.status()).as(u.body().toString()).isEqualTo(201);
    ApiClient c = cordon.client();
    assertThat(c.login(username, PASSWORD).status()).isEqualTo(200);
    return c;
  }

  private List<JsonNode> events(String action, String objectId) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode e : admin.get("/api/v1/audit/events?from=1&limit=1000").body()) {
      if (e.path("action").asText().equals(action)
          && e.path("object").path("id").asText().equals(objectId)) {
        found.add(e);
      }
    }
    return found;
  }

  private List<MimeMessage> mailsTo(String recipient) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(recipient)) {
        out.add(m);
      }
    }
    return out;
  }

  private MimeMessage awaitMail(String recipient, String subject) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (MimeMessage m : mailsTo(recipient)) {
        if (m.getSubject().equals(subject)) {
          return m;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no mail '" + subject + "' to " + recipient);
  }

  private void awaitMailCount(String recipient, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (mailsTo(recipient).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(mailsTo(recipient)).hasSizeGreaterThanOrEqualTo(count);
  }
}
