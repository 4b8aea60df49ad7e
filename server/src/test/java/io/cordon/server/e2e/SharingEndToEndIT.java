package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cordon.server.e2e.ApiClient.Answer;
import io.cordon.testing.AdjustableClock;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharing end to end over real TLS, with a real SMTP server (GreenMail) receiving Cordon's mail: a
 * partner sees nothing until shared; download limits hold under concurrent clients; expiry,
 * view-only (with a watermark on every page of the view), MFA and revocation (including a download
 * in flight) hold; guests must accept a single-use invitation and log in; recipients outside the
 * allowed domains are refused with nothing created; the file's activity shows what each recipient
 * did; e-mail never names confidential or restricted files.
 *
 * <p>Longer than 500 lines on purpose: every scenario shares one installation and one mail server,
 * which take most of the run time to start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingEndToEndIT {
  private static final String PASSWORD = "partner password 123";
  private static final String OWNER = "owner@home.example";
  private static final String PARTNER = "qa@sponsor.example";
  private static final String PARTNER2 = "qa2@sponsor.example";
  private static final String PROBLEM = "https://cordon.dev/problems/";

  GreenMail smtp;
  AdjustableClock clock;
  TestInstallation cordon;
  ApiClient admin;
  ApiClient owner;
  ApiClient partner;
  ApiClient partner2;
  String confidential;
  String restricted;
  String internal;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    clock = new AdjustableClock(Instant.now());
    cordon =
        TestInstallation.start(
            dir.resolve("data"),
            Map.of(
                "CORDON_SMTP_HOST", "127.0.0.1",
                "CORDON_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "CORDON_SMTP_FROM", "cordon@home.example",
                "CORDON_SHARING_ALLOWED_DOMAINS", "sponsor.example, guest.example"),
            clock);
    admin = cordon.client();
    assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
    admin.post(
        "/api/v1/organisations",
        ApiClient.JSON.createObjectNode().put("name", "Sponsor Ltd").put("kind", "partner"));
    owner = user("Home", OWNER);
    partner = user("Sponsor Ltd", PARTNER);
    partner2 = user("Sponsor Ltd", PARTNER2);
    confidential = workspace("tech transfer", "confidential");
    restricted = workspace("clinical", "restricted");
    internal = workspace("meetings", "internal");
  }

  @AfterAll
  void stop() throws Exception {
    cordon.close();
    smtp.stop();
  }

  @Test
  void partner_seesNothingUntilShared_thenDownloadsWithinTheLimit() throws Exception {
    byte[] coa = "certificate of analysis, lot 7".getBytes(StandardCharsets.UTF_8);
    String file = upload(confidential, "coa-lot7.txt", coa);

    assertThat(partner.download(file).statusCode()).isEqualTo(403);
    assertThat(partner.get("/api/v1/files/" + file).status()).isEqualTo(403);
    assertThat(partner.get("/api/v1/files/" + file + "/view").status()).isEqualTo(403);
    assertThat(partner.get("/api/v1/shares").body().path("received").toString())
        .doesNotContain(file);

    String share =
        share(file, body(PARTNER).put("maxDownloads", 2).put("notifyOnFirstAccess", true));

    assertThat(partner.download(file).body()).isEqualTo(coa);
    assertThat(partner.download(file).body()).isEqualTo(coa);
    HttpResponse<byte[]> third = partner.download(file);
    assertThat(third.statusCode()).isEqualTo(410);
    assertThat(new String(third.body(), StandardCharsets.UTF_8))
        .contains(PROBLEM + "share-exhausted");
    assertThat(partner.get("/api/v1/shares").body().path("received").toString()).contains(share);

    List<JsonNode> activity = activity(file);
    assertThat(activity)
        .filteredOn(e -> e.path("action").asText().equals("share.create"))
        .singleElement()
        .satisfies(e -> assertThat(e.path("details").path("share").asText()).isEqualTo(share));
    List<JsonNode> downloads =
        activity.stream()
            .filter(e -> e.path("action").asText().equals("file.download"))
            .filter(e -> e.path("actor").path("username").asText().equals(PARTNER))
            .toList();
    assertThat(downloads)
        .extracting(e -> e.path("outcome").asText())
        .containsExactly("denied", "success", "success", "denied");
    assertThat(downloads.subList(1, 3))
        .allSatisfy(
            e -> {
              assertThat(e.path("details").path("share").asText()).isEqualTo(share);
              assertThat(e.path("details").path("bytes").asLong()).isEqualTo(coa.length);
              assertThat(e.path("context").path("ip").asText()).isEqualTo("127.0.0.1");
            });
    assertThat(downloads.get(3).path("reason").asText()).contains("download limit");

    MimeMessage firstAccess = awaitMail(OWNER, "A recipient opened a file you shared");
    assertThat(text(firstAccess)).contains(PARTNER).doesNotContain("coa-lot7");
    assertThat(text(awaitMail(PARTNER, "A file was shared with you"))).doesNotContain("coa-lot7");
  }

  @Test
  void concurrentDownloads_neverPassMaxDownloads() throws Exception {
    String file =
        upload(confidential, "stability.txt", "t0 t3 t6".getBytes(StandardCharsets.UTF_8));
    share(file, body(PARTNER2).put("maxDownloads", 3));

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit((Callable<Integer>) () -> partner2.download(file).statusCode()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : results) {
        statuses.add(f.get());
      }
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
      assertThat(statuses).filteredOn(s -> s == 410).hasSize(5);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void expiredShare_isRefusedWithItsOwnProblemType() throws Exception {
    String file = upload(confidential, "deviation.txt", "DEV-12".getBytes(StandardCharsets.UTF_8));
    share(
        file,
        body(PARTNER).put("expiresAt", clock.instant().plus(Duration.ofMinutes(10)).toString()));
    assertThat(partner.download(file).statusCode()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(11));

    HttpResponse<byte[]> late = partner.download(file);
    assertThat(late.statusCode()).isEqualTo(410);
    assertThat(new String(late.body(), StandardCharsets.UTF_8)).contains(PROBLEM + "share-expired");
    assertThat(
            share(
                file,
                body(PARTNER).put("expiresAt", clock.instant().minusSeconds(1).toString()),
                400))
        .contains("future");
  }

  @Test
  void viewOnly_refusesDownload_viewCarriesTheWatermarkOnEveryPage() throws Exception {
    StringBuilder sop = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      sop.append("Step ")
          .append(i)
          .append(": verify the fill weight of every tenth vial. ")
          .append("Record deviations ".repeat(i % 9 == 0 ? 20 : 1))
          .append('\n');
    }
    String file =
        upload(confidential, "sop-fill.txt", sop.toString().getBytes(StandardCharsets.UTF_8));
    String share = share(file, body(PARTNER).put("viewOnly", true));

    HttpResponse<byte[]> raw = partner.download(file);
    assertThat(raw.statusCode()).isEqualTo(403);
    assertThat(new String(raw.body(), StandardCharsets.UTF_8)).contains("view only");

    HttpResponse<byte[]> view = partner.getBytes("/api/v1/files/" + file + "/view");
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(view.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    try (PDDocument pdf = Loader.loadPDF(view.body())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
      for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(p);
        s.setEndPage(p);
        assertThat(s.getText(pdf)).as("page %d", p).contains(PARTNER).contains("share " + share);
      }
    }
    assertThat(activity(file))
        .filteredOn(e -> e.path("action").asText().equals("file.view"))
        .singleElement()
        .satisfies(e -> assertThat(e.path("details").path("share").asText()).isEqualTo(share));
  }

  @Test
  void requireMfa_asksForAStepUp() throws Exception {
    String file =
        upload(confidential, "mbr.txt", "master batch record".getBytes(StandardCharsets.UTF_8));
    share(file, body(PARTNER).put("requireMfa", true));

    HttpResponse<byte[]> r = partner.download(file);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains(PROBLEM + "step-up");
  }

  @Test
  void revoke_refusesTheNextRequest_andStopsADownloadInFlight() throws Exception {
    byte[] big = new byte[48 * 1024 * 1024];
    new java.util.Random(7).nextBytes(big);
    String file = upload(confidential, "batch-images.bin", big);
    String share = share(file, body(PARTNER));

    HttpResponse<InputStream> inFlight =
        partner.downloadStream("/api/v1/files/" + file + "/content");
    assertThat(inFlight.statusCode()).isEqualTo(200);
    long received = 0;
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = inFlight.body()) {
      while (received < 2 * 1024 * 1024) {
        int n = in.read(buf);
        if (n < 0) {
          break;
        }
        received += n;
      }
      assertThat(owner.delete("/api/v1/shares/" + share).status()).isEqualTo(200);
      int n;
      while ((n = in.read(buf)) > 0) {
        received += n;
      }
    } catch (IOException cut) {
      // the server aborted the response: what matters is how much arrived
    }
    assertThat(received).isLessThan(big.length);

    HttpResponse<byte[]> next = partner.download(file);
    assertThat(next.statusCode()).isEqualTo(410);
    assertThat(new String(next.body(), StandardCharsets.UTF_8)).contains(PROBLEM + "share-revoked");
    assertThat(owner.delete("/api/v1/shares/" + share).status()).isEqualTo(409);

    List<JsonNode> activity = activity(file);
    assertThat(activity)
        .anySatisfy(
            e -> {
              assertThat(e.path("action").asText()).isEqualTo("share.revoke");
              assertThat(e.path("actor").path("username").asText()).isEqualTo(OWNER);
            });
    assertThat(activity)
        .filteredOn(e -> e.path("action").asText().equals("file.download"))
        .filteredOn(e -> e.path("outcome").asText().equals("error"))
        .anySatisfy(
            e -> {
              assertThat(e.path("reason").asText()).contains("revoked during the download");
              assertThat(e.path("details").path("bytes").asLong())
                  .isBetween(1L, (long) big.length - 1);
            });
  }

  @Test
  void guestByEmail_mustAcceptASingleUseInvitation_thenDownloads() throws Exception {
    byte[] content = "analytical method transfer protocol".getBytes(StandardCharsets.UTF_8);
    String file = upload(internal, "amt-protocol.txt", content);
    String guest = "lab@guest.example";
    share(file, body(guest));

    assertThat(cordon.client().login(guest, PASSWORD).status()).isEqualTo(401);
    String invitation = text(awaitMail(guest, "You are invited to Cordon"));
    Matcher m = Pattern.compile("token=(cdn_i_[A-Za-z0-9_-]+)").matcher(invitation);
    assertThat(m.find()).isTrue();
    String token = m.group(1);
    assertThat(text(awaitMail(guest, "A file was shared with you"))).contains("amt-protocol.txt");
    List<io.cordon.sharing.OutboxMail> stored =
        cordon.node().store().read((io.cordon.storage.Transaction tx) -> tx.outbox().to(guest));
    assertThat(stored)
        .as("mail waits in the outbox sealed: no token on disk in clear")
        .isNotEmpty()
        .allSatisfy(mail -> assertThat(mail.body()).doesNotContain(token).doesNotContain("amt-"));

    ObjectNode accept =
        ApiClient.JSON.createObjectNode().put("token", token).put("password", PASSWORD);
    Answer ok = cordon.client().post("/api/v1/invitations/accept", accept);
    assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
    assertThat(cordon.client().post("/api/v1/invitations/accept", accept).status()).isEqualTo(401);

    ApiClient g = cordon.client();
    assertThat(g.login(guest, PASSWORD).status()).isEqualTo(200);
    assertThat(g.download(file).body()).isEqualTo(content);
  }

  @Test
  void userCreatedWithoutPassword_isInvitedByEmail_andSetsItsOwnPassword() throws Exception {
    String name = "analyst@sponsor.example";
    Answer created =
        admin.post(
            "/api/v1/users",
            ApiClient.JSON
                .createObjectNode()
                .put("username", name)
                .put("email", name)
                .put("org", "Sponsor Ltd"));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    assertThat(created.body().path("invited").asBoolean()).isTrue();

    Matcher m =
        Pattern.compile("token=(cdn_i_[A-Za-z0-9_-]+)")
            .matcher(text(awaitMail(name, "You are invited to Cordon")));
    assertThat(m.find()).isTrue();
    ObjectNode wrong =
        ApiClient.JSON.createObjectNode().put("token", m.group(1) + "x").put("password", PASSWORD);
    assertThat(cordon.client().post("/api/v1/invitations/accept", wrong).status()).isEqualTo(401);
    ObjectNode accept =
        ApiClient.JSON.createObjectNode().put("token", m.group(1)).put("password", PASSWORD);
    assertThat(cordon.client().post("/api/v1/invitations/accept", accept).status()).isEqualTo(200);
    assertThat(cordon.client().login(name, PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void recipientOutsideAllowedDomains_is400_andNothingIsCreated() throws Exception {
    String file = upload(confidential, "formula.txt", "API 40%".getBytes(StandardCharsets.UTF_8));
    int before = owner.get("/api/v1/files/" + file + "/shares").body().size();

    String problem =
        share(
            file,
            body("lab@guest.example")
                .put("viewOnly", true)
                .set(
                    "recipients",
                    ApiClient.JSON
                        .createArrayNode()
                        .add("lab2@guest.example")
                        .add("eve@elsewhere.example")),
            400);

    assertThat(problem).contains("eve@elsewhere.example").contains("outside");
    assertThat(owner.get("/api/v1/files/" + file + "/shares").body().size()).isEqualTo(before);
    assertThat(admin.get("/api/v1/users").body().toString())
        .doesNotContain("lab2@guest.example")
        .doesNotContain("eve@elsewhere.example");
    assertThat(share(file, body(PARTNER).put("maxDownloads", 0), 400)).contains("maxDownloads");
    assertThat(share(file, body(PARTNER).put("maxDownload", 3), 400)).contains("unknown field");
  }

  @Test
  void mail_neverNamesARestrictedFile_butNamesAnInternalOne() throws Exception {
    String secret =
        upload(restricted, "patient-list.csv", "id,name".getBytes(StandardCharsets.UTF_8));
    String open = upload(internal, "meeting-agenda.txt", "agenda".getBytes(StandardCharsets.UTF_8));
    share(secret, body(PARTNER2));
    share(open, body(PARTNER2));

    // Wait for each mail on its own: sending is off the request path, in batches.
    awaitMail(PARTNER2, "A file was shared with you", "meeting-agenda.txt");
    awaitMail(PARTNER2, "A file was shared with you", "A file was shared with you.");
    List<String> bodies = mailsTo(PARTNER2).stream().map(SharingEndToEndIT::text).toList();
    assertThat(bodies).anyMatch(b -> b.contains("meeting-agenda.txt"));
    assertThat(bodies).anyMatch(b -> b.startsWith("A file was shared with you."));
    assertThat(bodies).noneMatch(b -> b.contains("patient-list"));
  }

  @Test
  void uploadRequest_recipientUploadsUntilClosed_requesterSeesTheFiles() throws Exception {
    ObjectNode ask = ApiClient.JSON.createObjectNode();
    ask.putArray("recipients").add(PARTNER);
    ask.put("message", "please upload the stability data");
    ask.put("dueAt", clock.instant().plus(Duration.ofDays(3)).toString());
    Answer made = owner.post("/api/v1/workspaces/" + confidential + "/upload-requests", ask);
    assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
    String request = made.body().path("id").asText();
    assertThat(text(awaitMail(PARTNER, "You are asked to upload files")))
        .doesNotContain("stability data");

    byte[] data = "t=0 assay 99.8%".getBytes(StandardCharsets.UTF_8);
    Answer up = uploadOnRequest(partner, request, "stability-t0.txt", data);
    assertThat(up.status()).as(up.body().toString()).isEqualTo(201);
    String file = up.body().path("id").asText();
    assertThat(owner.download(file).body()).isEqualTo(data);
    assertThat(owner.get("/api/v1/workspaces/" + confidential + "/files").body().toString())
        .contains("stability-t0.txt");
    assertThat(partner.get("/api/v1/workspaces/" + confidential + "/files").status())
        .isEqualTo(403);
    assertThat(uploadOnRequest(partner, request, "stability-t0.txt", data).status())
        .as("no new version of an existing file through a request")
        .isEqualTo(409);
    assertThat(uploadOnRequest(partner2, request, "other.txt", data).status()).isEqualTo(404);

    assertThat(owner.delete("/api/v1/upload-requests/" + request).status()).isEqualTo(204);
    Answer closed = uploadOnRequest(partner, request, "stability-t3.txt", data);
    assertThat(closed.status()).isEqualTo(410);
    assertThat(closed.problemType()).isEqualTo(PROBLEM + "upload-request-closed");
  }

  @Test
  void uploadRequest_afterItsDueTime_isRefused() throws Exception {
    ObjectNode ask = ApiClient.JSON.createObjectNode();
    ask.putArray("recipients").add(PARTNER2);
    ask.put("dueAt", clock.instant().plus(Duration.ofMinutes(5)).toString());
    Answer made = owner.post("/api/v1/workspaces/" + internal + "/upload-requests", ask);
    assertThat(made.status()).as(made.body().toString()).isEqualTo(201);

    clock.advance(Duration.ofMinutes(6));

    Answer late =
        uploadOnRequest(
            partner2, made.body().path("id").asText(), "late.txt", new byte[] {1, 2, 3});
    assertThat(late.status()).isEqualTo(410);
    assertThat(late.problemType()).isEqualTo(PROBLEM + "upload-request-overdue");
  }

  private Answer uploadOnRequest(ApiClient c, String request, String name, byte[] body)
      throws Exception {
    return c.send(
        c.request("/api/v1/upload-requests/" + request + "/files?name=" + name)
            .header("Content-Type", "application/octet-stream")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
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

  private String workspace(String name, String classification) throws Exception {
    Answer ws =
        owner.post(
            "/api/v1/workspaces",
            ApiClient.JSON
                .createObjectNode()
                .put("name", name)
                .put("classification", classification));
    assertThat(ws.status()).as(ws.body().toString()).isEqualTo(201);
    return ws.body().path("id").asText();
  }

  private String upload(String ws, String name, byte[] content) throws Exception {
    Answer up = owner.upload(ws, name, content);
    assertThat(up.status()).as(up.body().toString()).isEqualTo(201);
    return up.body().path("id").asText();
  }

  private static ObjectNode body(String recipient) {
    ObjectNode b = ApiClient.JSON.createObjectNode();
    ArrayNode r = b.putArray("recipients");
    r.add(recipient);
    return b;
  }

  private String share(String file, ObjectNode body) throws Exception {
    Answer a = owner.post("/api/v1/files/" + file + "/shares", body);
    assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
    return a.body().path("id").asText();
  }

  private String share(String file, ObjectNode body, int status) throws Exception {
    Answer a = owner.post("/api/v1/files/" + file + "/shares", body);
    assertThat(a.status()).as(a.body().toString()).isEqualTo(status);
    return a.body().toString();
  }

  private List<JsonNode> activity(String file) throws Exception {
    Answer a = owner.get("/api/v1/files/" + file + "/activity?limit=1000");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    a.body().forEach(events::add);
    return events;
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
    return awaitMail(recipient, subject, "");
  }

  private MimeMessage awaitMail(String recipient, String subject, String containing)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (MimeMessage m : mailsTo(recipient)) {
        if (m.getSubject().equals(subject) && text(m).contains(containing)) {
          return m;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no mail '" + subject + "' to " + recipient);
  }

  private static String text(MimeMessage m) {
    try {
      return m.getContent().toString();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
