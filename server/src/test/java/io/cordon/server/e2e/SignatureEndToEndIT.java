package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.identity.Totp;
import io.cordon.identity.TotpSecret;
import io.cordon.server.cli.CliRun;
import io.cordon.server.e2e.ApiClient.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * 21 CFR Part 11 electronic signatures and receipts as a user meets them over HTTPS: signing with
 * password and TOTP code, every refusal (wrong password, wrong or replayed code, no factor, no
 * permission, bad input) audited, the records bound to exact versions and still valid, receipts
 * bound to downloaded bytes, PDF renditions stamped with the manifest, and tampering in the
 * database shown as an invalid signature.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureEndToEndIT {
  private static final String PASSWORD = "a long enough signer password";
  private static final Totp TOTP = Totp.standard(Clock.systemUTC());

  TestInstallation cordon;
  ApiClient admin;
  String ws;
  String docId;
  int users;

  /** A workspace member who enrolled TOTP; {@code secret} is their factor. */
  record Signer(String username, ApiClient client, String secret) {
    String nextCode() {
      // Enrolment spent the current step; the next step's code is inside the window.
      return TOTP.generate(TotpSecret.fromBase32(secret), Instant.now().plusSeconds(30));
    }
  }

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    cordon = TestInstallation.start(dir.resolve("data"), Map.of());
    admin = cordon.client();
    assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
    ws =
        admin
            .post("/api/v1/workspaces", json().put("name", "Batch records"))
            .body()
            .path("id")
            .asText();
    docId = admin.upload(ws, "sop.txt", "SOP v1".getBytes()).body().path("id").asText();
    assertThat(admin.upload(ws, "sop.txt", "SOP v2".getBytes()).body().path("version").asInt())
        .isEqualTo(2);
  }

  @AfterAll
  void stop() throws IOException {
    cordon.close();
  }

  @Test
  void sign_earlierVersionAfterNewerExists_bothSignedVisibleBoundAndAudited() throws Exception {
    Signer qa = signer("contributor", true, "Dr. Quinn Ağaoğlu");
    Signer author = signer("contributor", true, null);

    Answer first = qa.client().post(sigPath(docId), sign(1, "approved", qa.nextCode()));
    Answer second = author.client().post(sigPath(docId), sign(2, "authored", author.nextCode()));

    assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
    assertThat(second.status()).as(second.body().toString()).isEqualTo(201);
    JsonNode s = first.body();
    assertThat(s.path("kind").asText()).isEqualTo("signature");
    assertThat(s.path("version").asInt()).isEqualTo(1);
    assertThat(s.path("sha256").asText()).isEqualTo(sha256("SOP v1".getBytes()));
    assertThat(s.path("manifest").path("printedName").asText()).isEqualTo("Dr. Quinn Ağaoğlu");
    assertThat(s.path("manifest").path("meaning").asText()).isEqualTo("approved");
    assertThat(s.path("manifest").path("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(s.path("manifest").path("localTime").asText())
        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d CES?T \\(\\+0[12]:00\\)");
    assertThat(second.body().path("manifest").path("printedName").asText())
        .isEqualTo(author.username());
    assertThat(second.body().path("manifest").path("timeZone").asText()).isEqualTo("UTC");

    JsonNode event = eventAt(s.path("auditSeq").asLong());
    assertThat(event.path("action").asText()).isEqualTo("signature.create");
    assertThat(event.path("outcome").asText()).isEqualTo("success");
    assertThat(event.path("actor").path("username").asText()).isEqualTo(qa.username());
    assertThat(event.path("details").path("signature").asText()).isEqualTo(s.path("id").asText());
    assertThat(event.path("details").path("version").asInt()).isEqualTo(1);
    assertThat(event.path("time").asText()).isEqualTo(s.path("manifest").path("signedAt").asText());

    JsonNode listed = admin.get(sigPath(docId)).body().path("signatures");
    assertThat(listed.findValuesAsText("id"))
        .contains(s.path("id").asText(), second.body().path("id").asText());
    assertThat(listed.findValues("valid")).allMatch(JsonNode::asBoolean);
    JsonNode versions = admin.get("/api/v1/files/" + docId).body().path("versions");
    assertThat(versions.get(0).path("signatures").findValuesAsText("id"))
        .contains(s.path("id").asText());
    assertThat(versions.get(1).path("signatures").findValuesAsText("id"))
        .contains(second.body().path("id").asText());
  }

  @Test
  void sign_replayedCode_deniedAndAudited() throws Exception {
    Signer qa = signer("contributor", true, null);
    String code = qa.nextCode();
    assertThat(qa.client().post(sigPath(docId), sign(1, "reviewed", code)).status()).isEqualTo(201);

    Answer replay = qa.client().post(sigPath(docId), sign(2, "reviewed", code));

    assertThat(replay.status()).isEqualTo(403);
    assertThat(replay.problemType()).endsWith("/denied");
    assertThat(deniedReasons(qa.username()))
        .containsExactly("re-authentication failed: wrong or reused TOTP code");
  }

  @Test
  void sign_sameCodeTwiceAtOnce_exactlyOneSignature() throws Exception {
    Signer qa = signer("contributor", true, null);
    String code = qa.nextCode();
    List<java.util.concurrent.CompletableFuture<Answer>> racing = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ApiClient c = qa.client().sameCredentials();
      racing.add(
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return c.post(sigPath(docId), sign(2, "reviewed", code));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }

    List<Integer> statuses = racing.stream().map(f -> f.join().status()).sorted().toList();
    assertThat(statuses).containsExactly(201, 403, 403, 403);
  }

  @Test
  void sign_wrongPassword_deniedAuditedAndCountsTowardLockout() throws Exception {
    Signer qa = signer("contributor", true, null);
    ObjectNode wrong = sign(1, "approved", qa.nextCode()).put("password", "not the password");

    for (int i = 0; i < 5; i++) {
      Answer a = qa.client().post(sigPath(docId), wrong);
      assertThat(a.status()).isEqualTo(403);
      assertThat(a.body().path("detail").asText()).doesNotContain("not the password");
    }

    assertThat(deniedReasons(qa.username()))
        .hasSize(5)
        .allMatch(r -> r.startsWith("re-authentication failed: wrong password"))
        .anyMatch(r -> r.contains("account locked until"));
    // The same lockout as failed logins: the account cannot log in now either.
    assertThat(cordon.clientFrom("127.0.0.21").login(qa.username(), PASSWORD).status())
        .isEqualTo(401);
    Answer locked = qa.client().post(sigPath(docId), sign(1, "approved", qa.nextCode()));
    assertThat(locked.status()).isEqualTo(403);
    assertThat(locked.body().path("detail").asText()).contains("locked");
  }

  @Test
  void sign_wrongCode_deniedAndAudited() throws Exception {
    Signer qa = signer("contributor", true, null);
    String right = qa.nextCode();
    String wrong =
        String.format(java.util.Locale.ROOT, "%06d", (Integer.parseInt(right) + 1) % 1_000_000);

    Answer a = qa.client().post(sigPath(docId), sign(1, "approved", wrong));

    assertThat(a.status()).isEqualTo(403);
    assertThat(deniedReasons(qa.username()))
        .containsExactly("re-authentication failed: wrong or reused TOTP code");
    assertThat(qa.client().post(sigPath(docId), sign(1, "approved", right)).status())
        .isEqualTo(201);
  }

  @Test
  void sign_noSecondFactorEnrolled_conflictAndAudited() throws Exception {
    Signer plain = signer("contributor", false, null);

    Answer a = plain.client().post(sigPath(docId), sign(1, "approved", "123456"));

    assertThat(a.status()).isEqualTo(409);
    assertThat(a.body().path("detail").asText()).contains("second factor");
    assertThat(deniedReasons(plain.username()))
        .containsExactly("re-authentication failed: no second factor enrolled");
  }

  @Test
  void sign_viewerOrNonMember_deniedByPolicyBeforeCredentialsAreChecked() throws Exception {
    Signer viewer = signer("viewer", true, null);
    String code = viewer.nextCode();

    Answer a = viewer.client().post(sigPath(docId), sign(1, "approved", code));

    assertThat(a.status()).isEqualTo(403);
    assertThat(deniedReasons(viewer.username()))
        .containsExactly("workspace role viewer does not permit sign");
    String otherWs =
        admin.post("/api/v1/workspaces", json().put("name", "Other")).body().path("id").asText();
    String foreign = admin.upload(otherWs, "x.txt", "x".getBytes()).body().path("id").asText();
    assertThat(viewer.client().post(sigPath(foreign), sign(1, "approved", code)).status())
        .isEqualTo(403);
  }

  @Test
  void sign_badInput_refusedWithProblemAndNothingRecorded() throws Exception {
    Signer qa = signer("contributor", true, null);

    assertThat(qa.client().post(sigPath(docId), sign(1, "received", "123456")).status())
        .isEqualTo(400);
    assertThat(qa.client().post(sigPath(docId), sign(1, "signed-ish", "123456")).status())
        .isEqualTo(400);
    assertThat(qa.client().post(sigPath(docId), sign(0, "approved", "123456")).status())
        .isEqualTo(400);
    assertThat(
            qa.client()
                .post(sigPath(docId), sign(1, "approved", "123456").put("timeZone", "Mars/Base"))
                .status())
        .isEqualTo(400);
    assertThat(
            qa.client()
                .post(sigPath(docId), sign(1, "approved", "123456").put("code", ""))
                .status())
        .isEqualTo(400);
    assertThat(events())
        .filteredOn(e -> e.path("actor").path("username").asText().equals(qa.username()))
        .extracting(e -> e.path("action").asText())
        .doesNotContain("signature.create");

    String code = qa.nextCode();
    Answer unknown = qa.client().post(sigPath(docId), sign(9, "approved", code));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().path("detail").asText()).contains("no version 9");
    // Refused before the code was spent: it still signs.
    assertThat(qa.client().post(sigPath(docId), sign(1, "approved", code)).status()).isEqualTo(201);
  }

  @Test
  void receipt_partnerAcknowledgesDownloadedBytes_ownerSeesIt() throws Exception {
    Signer partner = signer("viewer", true, null);
    byte[] v2 = partner.client().download(docId).body();

    Answer unread =
        partner.client().post(rcptPath(docId), receipt(1, sha256("SOP v1".getBytes()), "x"));
    Answer wrongHash =
        partner.client().post(rcptPath(docId), receipt(2, sha256("forged".getBytes()), "x"));
    Answer badMeaning =
        partner
            .client()
            .post(rcptPath(docId), receipt(2, sha256(v2), "x").put("meaning", "approved"));
    Answer made =
        partner.client().post(rcptPath(docId), receipt(2, sha256(v2), partner.nextCode()));

    assertThat(unread.status()).isEqualTo(409);
    assertThat(unread.body().path("detail").asText()).contains("no record of your download");
    assertThat(wrongHash.status()).isEqualTo(409);
    assertThat(wrongHash.body().path("detail").asText()).contains("not the hash of version 2");
    assertThat(badMeaning.status()).isEqualTo(400);
    assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
    assertThat(made.body().path("kind").asText()).isEqualTo("receipt");
    assertThat(made.body().path("meaning").asText()).isEqualTo("received");
    assertThat(eventAt(made.body().path("auditSeq").asLong()).path("action").asText())
        .isEqualTo("receipt.create");
    JsonNode listed = admin.get(sigPath(docId)).body().path("signatures");
    assertThat(listed)
        .anySatisfy(
            s -> {
              assertThat(s.path("id").asText()).isEqualTo(made.body().path("id").asText());
              assertThat(s.path("signer").asText()).isNotEmpty();
              assertThat(s.path("valid").asBoolean()).isTrue();
            });
  }

  @Test
  void stamp_signedPdf_footerOnEveryPageAndManifestPage() throws Exception {
    byte[] pdf = pdf("Batch record page one", "Batch record page two");
    String id = admin.upload(ws, "batch-record.pdf", pdf).body().path("id").asText();
    Signer qa = signer("contributor", true, "Erin Example");
    Signer reviewer = signer("contributor", true, "Doğrulama Şefi Δοκιμή");
    assertThat(qa.client().post(sigPath(id), sign(1, "approved", qa.nextCode())).status())
        .isEqualTo(201);
    assertThat(
            reviewer.client().post(sigPath(id), sign(1, "reviewed", reviewer.nextCode())).status())
        .isEqualTo(201);

    HttpResponse<byte[]> r = stamped(qa.client(), id, "?version=1&stamp=signatures");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    try (PDDocument doc = Loader.loadPDF(r.body())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(3);
      for (int page = 1; page <= 3; page++) {
        assertThat(text(doc, page))
            .contains("Electronically signed: Erin Example, approved, ")
            .contains("(+01:00)")
            .contains("see manifest");
      }
      assertThat(text(doc, 1)).contains("Batch record page one");
      assertThat(text(doc, 3))
          .contains("Electronic signature manifest")
          .contains("SHA-256: " + sha256(pdf))
          .contains("Signature: Erin Example")
          .contains("Signature: Doğrulama Şefi Δοκιμή")
          .contains("Verification: valid");
    }
    JsonNode download = lastEvent("file.download", qa.username());
    assertThat(download.path("details").path("rendition").asText()).isEqualTo("signature-stamped");
  }

  @Test
  void stamp_notPdfUnsignedOversizeOrUnknownStamp_refusedWithProblems() throws Exception {
    assertThat(stamped(admin, docId, "?stamp=signatures").statusCode()).isEqualTo(415);
    String unsigned = admin.upload(ws, "unsigned.pdf", pdf("x")).body().path("id").asText();
    assertThat(stamped(admin, unsigned, "?stamp=signatures").statusCode()).isEqualTo(409);
    assertThat(stamped(admin, unsigned, "?stamp=watermark").statusCode()).isEqualTo(400);
    byte[] big = new byte[64 * 1024 * 1024 + 1];
    String large = admin.upload(ws, "large.pdf", big).body().path("id").asText();
    assertThat(stamped(admin, large, "?stamp=signatures").statusCode()).isEqualTo(413);

    String fake = admin.upload(ws, "fake.pdf", "not a pdf".getBytes()).body().path("id").asText();
    Signer qa = signer("contributor", true, null);
    assertThat(qa.client().post(sigPath(fake), sign(1, "reviewed", qa.nextCode())).status())
        .isEqualTo(201);
    HttpResponse<byte[]> r = stamped(qa.client(), fake, "?stamp=signatures");
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(lastEvent("file.download", qa.username()).path("outcome").asText())
        .isEqualTo("error");
  }

  @Test
  void tamper_signatureRowMovedToOtherVersion_listedAsInvalid() throws Exception {
    Signer qa = signer("contributor", true, null);
    String id = admin.upload(ws, "moved.txt", "one".getBytes()).body().path("id").asText();
    admin.upload(ws, "moved.txt", "two".getBytes());
    String sig =
        qa.client()
            .post(sigPath(id), sign(1, "approved", qa.nextCode()))
            .body()
            .path("id")
            .asText();

    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + cordon.dataDir.resolve("cordon.db"));
        PreparedStatement st =
            db.prepareStatement("UPDATE signatures SET version = 2 WHERE id = ?")) {
      st.setString(1, sig);
      assertThat(st.executeUpdate()).isEqualTo(1);
    }

    JsonNode listed = admin.get(sigPath(id)).body().path("signatures").get(0);
    assertThat(listed.path("id").asText()).isEqualTo(sig);
    assertThat(listed.path("valid").asBoolean()).isFalse();
    assertThat(listed.path("invalidReason").asText()).contains("different version");
    var audit =
        cordon.node().signatures().verifyAll(cordon.node().installation().operatorContext());
    assertThat(audit.isIntact()).isFalse();
    assertThat(audit.failed()).extracting(f -> f.record().id().value()).containsExactly(sig);
    CliRun verify = CliRun.of("audit", "verify", "--data", cordon.dataDir.toString());
    assertThat(verify.exit()).as(verify.toString()).isEqualTo(1);
    assertThat(verify.out())
        .contains("audit trail intact")
        .contains("e-signature " + sig + " on file " + id + " version 2 is invalid");
  }

  @Test
  void rotate_eSignatureKey_newRecordsUseNewKeyOldOnesStillVerifyWithPublishedKeys()
      throws Exception {
    Signer qa = signer("contributor", true, null);
    String id = admin.upload(ws, "rotated.txt", "batch 7".getBytes()).body().path("id").asText();
    JsonNode before = qa.client().post(sigPath(id), sign(1, "reviewed", qa.nextCode())).body();

    CliRun rotate =
        CliRun.of("keys", "rotate", "--e-signature", "--data", cordon.dataDir.toString());
    assertThat(rotate.exit()).as(rotate.toString()).isZero();
    assertThat(rotate.out()).contains("e-signature key " + before.path("keyId").asText());

    Signer approver = signer("contributor", true, null);
    JsonNode after =
        approver.client().post(sigPath(id), sign(1, "approved", approver.nextCode())).body();
    assertThat(after.path("keyId").asText())
        .as(after.toString())
        .isNotEqualTo(before.path("keyId").asText());

    JsonNode keys = qa.client().get("/api/v1/signatures/keys").body().path("keys");
    assertThat(keys.get(0).path("status").asText()).isEqualTo("current");
    assertThat(keys.get(0).path("id").asText()).isEqualTo(after.path("keyId").asText());
    JsonNode listed = admin.get(sigPath(id)).body().path("signatures");
    assertThat(listed.findValues("valid")).hasSize(2).allMatch(JsonNode::asBoolean);
    for (JsonNode record : List.of(before, after)) {
      assertThat(independentlyVerified(record, keys)).as(record.toString()).isTrue();
    }
    ArrayNode currentOnly = keys.deepCopy();
    currentOnly.remove(1);
    assertThat(independentlyVerified(before, currentOnly))
        .as("the retired key is needed for the earlier record")
        .isFalse();
    CliRun verify = CliRun.of("audit", "verify", "--data", cordon.dataDir.toString());
    assertThat(verify.out()).doesNotContain("rotated.txt").doesNotContain(id);
    assertThat(eventsOf("key.rotate"))
        .anySatisfy(
            e -> {
              assertThat(e.path("details").path("purpose").asText()).isEqualTo("e-signature");
              assertThat(e.path("details").path("retired").asText())
                  .isEqualTo(before.path("keyId").asText());
            });
  }

  @Test
  void fileMetadata_withSignatures_oneReadOneAuditEvent() throws Exception {
    String id = admin.upload(ws, "read-once.txt", "x".getBytes()).body().path("id").asText();

    Answer read = admin.get("/api/v1/files/" + id);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().path("versions").get(0).has("signatures")).isTrue();
    List<JsonNode> reads =
        events().stream()
            .filter(e -> e.path("object").path("id").asText().equals(id))
            .filter(e -> !e.path("action").asText().equals("file.upload"))
            .filter(e -> !e.path("action").asText().equals("file.inspect"))
            .toList();
    assertThat(reads).hasSize(1);
    JsonNode event = reads.getFirst();
    assertThat(event.path("action").asText()).isEqualTo("file.metadata");
    assertThat(event.path("details").path("signatures").asInt()).isZero();
  }

  /**
   * Checks a record's seal as a partner would, outside Cordon: rebuilds the canonical text from the
   * record's published fields (the layout documented for e-signatures) and verifies it with the
   * JDK's own Ed25519 against the published key the record names.
   */
  private static boolean independentlyVerified(JsonNode r, JsonNode keys) throws Exception {
    String text =
        "cordon-e-signature/v1\n"
            + "id: "
            + r.path("id").asText()
            + "\n"
            + "kind: "
            + r.path("kind").asText()
            + "\n"
            + "file: "
            + r.path("file").asText()
            + "\n"
            + "version: "
            + r.path("version").asText()
            + "\n"
            + "version-id: "
            + r.path("versionId").asText()
            + "\n"
            + "sha256: "
            + r.path("sha256").asText()
            + "\n"
            + "signer: "
            + r.path("signer").asText()
            + "\n"
            + "printed-name: "
            + r.path("manifest").path("printedName").asText()
            + "\n"
            + "meaning: "
            + r.path("meaning").asText()
            + "\n"
            + "signed-at: "
            + r.path("manifest").path("signedAt").asText()
            + "\n"
            + "time-zone: "
            + r.path("manifest").path("timeZone").asText()
            + "\n"
            + "audit-seq: "
            + r.path("auditSeq").asText()
            + "\n"
            + "key-id: "
            + r.path("keyId").asText()
            + "\n";
    for (JsonNode k : keys) {
      if (!k.path("id").asText().equals(r.path("keyId").asText())) {
        continue;
      }
      byte[] raw = Base64.getDecoder().decode(k.path("publicKey").asText());
      byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100");
      PublicKey pub =
          KeyFactory.getInstance("Ed25519")
              .generatePublic(new X509EncodedKeySpec(concat(spki, raw)));
      Signature ed = Signature.getInstance("Ed25519");
      ed.initVerify(pub);
      ed.update(text.getBytes(StandardCharsets.UTF_8));
      return ed.verify(Base64.getDecoder().decode(r.path("seal").asText()));
    }
    return false;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private List<JsonNode> eventsOf(String action) throws Exception {
    return events().stream().filter(e -> e.path("action").asText().equals(action)).toList();
  }

  // --- helpers ------------------------------------------------------------------------------

  private Signer signer(String role, boolean enrol, String displayName) throws Exception {
    String username = "signer" + (++users) + "@home.example";
    ObjectNode body = json().put("username", username).put("org", "Home").put("password", PASSWORD);
    if (displayName != null) {
      body.put("displayName", displayName);
    }
    assertThat(admin.post("/api/v1/users", body).status()).isEqualTo(201);
    assertThat(
            admin
                .post(
                    "/api/v1/workspaces/" + ws + "/members",
                    json().put("user", username).put("role", role))
                .status())
        .isEqualTo(201);
    ApiClient c = cordon.clientFrom("127.0.0." + (30 + users));
    assertThat(c.login(username, PASSWORD).status()).isEqualTo(200);
    if (!enrol) {
      return new Signer(username, c, null);
    }
    String secret = c.post("/api/v1/auth/mfa/totp/enroll", json()).body().path("secret").asText();
    String now = TOTP.generate(TotpSecret.fromBase32(secret), Instant.now());
    assertThat(c.post("/api/v1/auth/mfa/totp/confirm", json().put("code", now)).status())
        .isEqualTo(200);
    return new Signer(username, c, secret);
  }

  private static ObjectNode sign(int version, String meaning, String code) {
    ObjectNode b =
        json()
            .put("version", version)
            .put("meaning", meaning)
            .put("password", PASSWORD)
            .put("code", code);
    return "approved".equals(meaning) ? b.put("timeZone", "Europe/Berlin") : b;
  }

  private static ObjectNode receipt(int version, String sha256, String code) {
    return json()
        .put("version", version)
        .put("sha256", sha256)
        .put("meaning", "received")
        .put("password", PASSWORD)
        .put("code", code);
  }

  private static String sigPath(String file) {
    return "/api/v1/files/" + file + "/signatures";
  }

  private static String rcptPath(String file) {
    return "/api/v1/files/" + file + "/receipts";
  }

  private HttpResponse<byte[]> stamped(ApiClient c, String file, String query) throws Exception {
    return cordon.http.send(
        c.request("/api/v1/files/" + file + "/content" + query).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private List<JsonNode> events() throws Exception {
    List<JsonNode> all = new ArrayList<>();
    long from = 1;
    while (true) {
      JsonNode page = admin.get("/api/v1/audit/events?from=" + from + "&limit=1000").body();
      page.forEach(all::add);
      if (page.size() < 1000) {
        return all;
      }
      from += 1000;
    }
  }

  private List<String> deniedReasons(String username) throws Exception {
    return events().stream()
        .filter(e -> e.path("action").asText().equals("signature.create"))
        .filter(e -> e.path("outcome").asText().equals("denied"))
        .filter(e -> e.path("actor").path("username").asText().equals(username))
        .map(e -> e.path("reason").asText())
        .toList();
  }

  private JsonNode lastEvent(String action, String username) throws Exception {
    return events().stream()
        .filter(e -> e.path("action").asText().equals(action))
        .filter(e -> e.path("actor").path("username").asText().equals(username))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private JsonNode eventAt(long seq) throws Exception {
    return admin.get("/api/v1/audit/events?from=" + seq + "&limit=1").body().get(0);
  }

  private static ObjectNode json() {
    return ApiClient.JSON.createObjectNode();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] pdf(String... pages) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      for (String text : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
          s.beginText();
          s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          s.newLineAtOffset(72, 700);
          s.showText(text);
          s.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static String text(PDDocument doc, int page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(doc);
  }
}
