package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.server.e2e.ApiClient.Answer;
import io.cordon.testing.AdjustableClock;
import io.cordon.testing.SoftwareAuthenticator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Passkeys, recovery codes, step-up and enforced enrolment over real TLS, with a software
 * authenticator written from the WebAuthn spec (independent of the server's verifier). Hostile
 * cases: replayed assertions, a challenge from another session, an expired challenge, a signature
 * counter moved back, a wrong origin, a wrong rpId, a spent recovery code. The node's clock is
 * moved by hand (TOTP codes are computed from it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MfaEndToEndIT {
  private static final String PASSWORD = "a long enough user password";

  AdjustableClock clock = new AdjustableClock(Instant.now());
  TestInstallation cordon;
  ApiClient admin;
  String restrictedFile;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    cordon =
        TestInstallation.start(
            dir.resolve("data"), Map.of("CORDON_MFA_REQUIRED_ROLES", "security"), clock);
    admin = cordon.client();
    assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
    ok(admin.post("/api/v1/organisations", json().put("name", "CRO").put("kind", "partner")), 201);
    String ws =
        ok(
                admin.post(
                    "/api/v1/workspaces",
                    json().put("name", "clinical").put("classification", "restricted")),
                201)
            .path("id")
            .asText();
    restrictedFile = admin.upload(ws, "patients.txt", "PHI".getBytes()).body().path("id").asText();
    for (String p : List.of("alice", "bob", "carol", "dave", "erin")) {
      newUser(p + "@cro.example", "CRO", null);
      ok(
          admin.post(
              "/api/v1/workspaces/" + ws + "/members",
              json().put("user", p + "@cro.example").put("role", "viewer")),
          201);
    }
  }

  @AfterAll
  void stop() throws IOException {
    cordon.close();
  }

  @Test
  void passkeyJourney_registerLoginStepUp_andHostileAssertionsRefused() throws Exception {
    ApiClient alice = cordon.clientFrom("127.0.1.1");
    assertThat(alice.login("alice@cro.example", PASSWORD).body().path("mfaRequired").asBoolean())
        .isFalse();

    // Step-up before any factor: the problem says which factors may be used (none yet).
    Answer stepUp = alice.get("/api/v1/files/" + restrictedFile);
    assertThat(stepUp.status()).isEqualTo(401);
    assertThat(stepUp.problemType()).endsWith("/step-up");
    assertThat(stepUp.body().path("factors")).isEmpty();

    SoftwareAuthenticator key = new SoftwareAuthenticator(cordon.base);
    String passkeyId = register(alice, key, "laptop");
    stepUp = alice.get("/api/v1/files/" + restrictedFile);
    assertThat(stepUp.status()).isEqualTo(401);
    assertThat(stepUp.body().path("factors"))
        .extracting(JsonNode::asText)
        .containsExactly("webauthn");

    // Step up on the existing session, then retry.
    JsonNode options = ok(alice.post(MFA + "/webauthn/assertion/options", json()), 200);
    String assertion = key.authenticate(options.toString());
    Answer proven = alice.post(MFA + "/webauthn/assertion", answer(options, assertion));
    assertThat(proven.status()).as(proven.body().toString()).isEqualTo(200);
    assertThat(alice.get("/api/v1/files/" + restrictedFile).status()).isEqualTo(200);
    assertThat(alice.get("/api/v1/users/me").body().path("auth").asText()).isEqualTo("webauthn");

    // Replay of the very same answer: the challenge was spent.
    assertThat(alice.post(MFA + "/webauthn/assertion", answer(options, assertion)).status())
        .isEqualTo(401);
    // The old assertion against a fresh challenge: it signs the old one.
    JsonNode fresh = ok(alice.post(MFA + "/webauthn/assertion/options", json()), 200);
    assertThat(alice.post(MFA + "/webauthn/assertion", answer(fresh, assertion)).status())
        .isEqualTo(401);

    // Login with password + passkey.
    ApiClient again = cordon.clientFrom("127.0.1.1");
    Answer login = again.login("alice@cro.example", PASSWORD);
    assertThat(login.body().path("mfaRequired").asBoolean()).isTrue();
    assertThat(login.body().path("factors")).extracting(JsonNode::asText).contains("webauthn");
    assertThat(again.get("/api/v1/workspaces").status()).isEqualTo(401);
    assertThat(again.get(MFA + "/webauthn/credentials").status()).isEqualTo(401);
    // A challenge issued to another session does not serve this one.
    JsonNode foreign = ok(alice.post(MFA + "/webauthn/assertion/options", json()), 200);
    assertThat(
            again
                .post(
                    MFA + "/webauthn/assertion",
                    answer(foreign, key.authenticate(foreign.toString())))
                .status())
        .isEqualTo(401);
    assertThat(proveWith(again, key).status()).isEqualTo(200);
    assertThat(again.get("/api/v1/users/me").body().path("auth").asText()).isEqualTo("webauthn");
    assertThat(again.get("/api/v1/files/" + restrictedFile).status()).isEqualTo(200);

    // Counter moved back (a cloned authenticator).
    long counter = key.counter();
    key.counter(0);
    assertThat(proveWith(alice, key).status()).isEqualTo(401);
    key.counter(counter);
    // Wrong origin (a phishing page relaying the ceremony), wrong rpId.
    key.origin("https://cordon.evil.example:" + cordon.server.port());
    assertThat(proveWith(alice, key).status()).isEqualTo(401);
    key.origin(cordon.base).rpIdOverride("evil.example");
    assertThat(proveWith(alice, key).status()).isEqualTo(401);
    key.rpIdOverride(null);
    // An expired challenge.
    JsonNode late = ok(alice.post(MFA + "/webauthn/assertion/options", json()), 200);
    clock.advance(Duration.ofMinutes(6));
    try {
      assertThat(
              alice
                  .post(
                      MFA + "/webauthn/assertion", answer(late, key.authenticate(late.toString())))
                  .status())
          .isEqualTo(401);
    } finally {
      clock.advance(Duration.ofMinutes(-6));
    }
    assertThat(proveWith(alice, key).status()).isEqualTo(200);

    List<String> refusals =
        events("auth.mfa", "alice@cro.example").stream()
            .filter(e -> e.path("outcome").asText().equals("denied"))
            .map(e -> e.path("reason").asText())
            .toList();
    // Each hostile case was refused for its own reason, not by accident.
    assertThat(refusals)
        .filteredOn(r -> r.contains("unknown, used or expired challenge"))
        .hasSize(3); // the replay, the foreign challenge, the expired one
    assertThat(refusals)
        .anySatisfy(r -> assertThat(r).contains("Incorrect challenge"))
        .anySatisfy(r -> assertThat(r).contains("signature counter did not grow"))
        .anySatisfy(r -> assertThat(r).contains("Incorrect origin"))
        .anySatisfy(r -> assertThat(r).contains("Wrong RP ID hash"))
        .hasSize(7);
    assertThat(events("auth.mfa", "alice@cro.example"))
        .filteredOn(e -> e.path("outcome").asText().equals("success"))
        .allSatisfy(e -> assertThat(e.path("actor").path("auth").asText()).isEqualTo("webauthn"))
        .anySatisfy(e -> assertThat(e.path("details").path("stepUp").asBoolean()).isTrue())
        .anySatisfy(e -> assertThat(e.path("details").path("stepUp").asBoolean()).isFalse());
    assertThat(events("auth.mfa_enroll", "alice@cro.example").toString()).contains(passkeyId);
    // No challenge or credential material in the trail.
    assertThat(events(null, "alice@cro.example").toString())
        .doesNotContain(late.path("publicKey").path("challenge").asText())
        .doesNotContain(key.credentialId());
  }

  @Test
  void passkeyAssertion_sameAnswerSentTwiceAtOnce_acceptedOnce() throws Exception {
    ApiClient erin = cordon.clientFrom("127.0.1.6");
    erin.login("erin@cro.example", PASSWORD);
    SoftwareAuthenticator key = new SoftwareAuthenticator(cordon.base);
    register(erin, key, "racing key");
    JsonNode options = ok(erin.post(MFA + "/webauthn/assertion/options", json()), 200);
    ObjectNode body = answer(options, key.authenticate(options.toString()));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Integer>> sent = new ArrayList<>();
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      for (int i = 0; i < 4; i++) {
        ApiClient same = erin.sameCredentials();
        sent.add(
            pool.submit(
                () -> {
                  go.await();
                  return same.post(MFA + "/webauthn/assertion", body).status();
                }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (var f : sent) {
        statuses.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(statuses).containsOnlyOnce(200).filteredOn(s -> s != 200).containsOnly(401);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void passkeys_listAndDelete_ownOnly() throws Exception {
    ApiClient bob = cordon.clientFrom("127.0.1.2");
    bob.login("bob@cro.example", PASSWORD);
    String first = register(bob, new SoftwareAuthenticator(cordon.base), "phone");
    String second = register(bob, new SoftwareAuthenticator(cordon.base), "key");
    assertThat(ok(bob.get(MFA + "/webauthn/credentials"), 200))
        .extracting(n -> n.path("label").asText())
        .containsExactlyInAnyOrder("phone", "key"); // same instant: the node's clock stands
    assertThat(admin.delete(MFA + "/webauthn/credentials/" + first).status()).isEqualTo(404);
    assertThat(bob.delete(MFA + "/webauthn/credentials/" + first).status()).isEqualTo(204);
    assertThat(bob.delete(MFA + "/webauthn/credentials/" + first).status()).isEqualTo(404);
    assertThat(bob.delete(MFA + "/webauthn/credentials/not-an-id").status()).isEqualTo(404);
    assertThat(ok(bob.get(MFA + "/webauthn/credentials"), 200))
        .extracting(n -> n.path("id").asText())
        .containsExactly(second);
    assertThat(events("auth.mfa_remove", "bob@cro.example")).hasSize(1);
    // Ceremonies left open: a few are fine, then the session is told to wait.
    ApiClient opener = cordon.clientFrom("127.0.1.2");
    opener.login("bob@cro.example", PASSWORD);
    for (int i = 0; i < 5; i++) {
      ok(opener.post(MFA + "/webauthn/assertion/options", json()), 200);
    }
    Answer tooMany = opener.post(MFA + "/webauthn/assertion/options", json());
    assertThat(tooMany.status()).isEqualTo(429);
    assertThat(tooMany.raw().headers().firstValue("Retry-After")).isPresent();
    // Registration answers that do not verify.
    JsonNode options = ok(bob.post(MFA + "/webauthn/registration/options", json()), 200);
    String created = new SoftwareAuthenticator("https://evil.example").register(options.toString());
    Answer wrongOrigin =
        bob.post(MFA + "/webauthn/registration", answer(options, created).put("label", "x"));
    assertThat(wrongOrigin.status()).isEqualTo(400);
    Answer garbage =
        bob.post(
            MFA + "/webauthn/registration",
            json().put("challengeId", "wc_0000000000").put("credential", "{\"id\":1}"));
    assertThat(garbage.status()).isEqualTo(400);
  }

  @Test
  void recoveryCodes_eachWorksOnce_andRegeneratingVoidsTheOldSet() throws Exception {
    ApiClient carol = cordon.clientFrom("127.0.1.3");
    carol.login("carol@cro.example", PASSWORD);
    assertThat(carol.post(MFA + "/recovery-codes", json()).status()).isEqualTo(409);
    SoftwareAuthenticator key = new SoftwareAuthenticator(cordon.base);
    register(carol, key, "laptop");
    Answer notProven = carol.post(MFA + "/recovery-codes", json());
    assertThat(notProven.status()).isEqualTo(401);
    assertThat(notProven.problemType()).endsWith("/step-up");
    assertThat(notProven.body().path("factors")).extracting(JsonNode::asText).contains("webauthn");
    assertThat(proveWith(carol, key).status()).isEqualTo(200);
    JsonNode codes = ok(carol.post(MFA + "/recovery-codes", json()), 201).path("codes");
    assertThat(codes).hasSize(10);
    assertThat(codes.get(0).asText()).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");

    ApiClient lost = cordon.clientFrom("127.0.1.3");
    Answer login = lost.login("carol@cro.example", PASSWORD);
    assertThat(login.body().path("factors"))
        .extracting(JsonNode::asText)
        .containsExactly("webauthn", "recovery");
    Answer used = lost.post(MFA + "/recovery", json().put("code", codes.get(3).asText()));
    assertThat(used.status()).as(used.body().toString()).isEqualTo(200);
    assertThat(lost.get("/api/v1/users/me").body().path("auth").asText())
        .isEqualTo("password+recovery");
    assertThat(ok(lost.get(MFA), 200).path("recoveryCodesLeft").asInt()).isEqualTo(9);

    ApiClient thief = cordon.clientFrom("127.0.1.3");
    thief.login("carol@cro.example", PASSWORD);
    assertThat(thief.post(MFA + "/recovery", json().put("code", codes.get(3).asText())).status())
        .isEqualTo(401);
    assertThat(thief.post(MFA + "/recovery", json().put("code", "not a code")).status())
        .isEqualTo(401);
    assertThat(thief.get("/api/v1/workspaces").status()).isEqualTo(401);

    JsonNode renewed = ok(lost.post(MFA + "/recovery-codes", json()), 201).path("codes");
    assertThat(renewed).isNotEqualTo(codes);
    assertThat(thief.post(MFA + "/recovery", json().put("code", codes.get(4).asText())).status())
        .isEqualTo(401);
    // Upper case and without dashes is the same code.
    String spaced = renewed.get(0).asText().replace("-", "").toUpperCase(java.util.Locale.ROOT);
    assertThat(thief.post(MFA + "/recovery", json().put("code", spaced)).status()).isEqualTo(200);

    assertThat(events("auth.mfa_recovery_used", "carol@cro.example"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.path("details").has("codesLeft")).isTrue());
    assertThat(events(null, "carol@cro.example").toString())
        .doesNotContain(codes.get(3).asText())
        .doesNotContain(renewed.get(0).asText());
  }

  @Test
  void totpStepUp_onExistingSession_thenRetrySucceeds_andCodeNotReusable() throws Exception {
    ApiClient dave = cordon.clientFrom("127.0.1.4");
    dave.login("dave@cro.example", PASSWORD);
    String secret = ok(dave.post(MFA + "/totp/enroll", json()), 200).path("secret").asText();
    ok(dave.post(MFA + "/totp/confirm", code(AuthEndToEndIT.totp(secret, clock.instant()))), 200);

    Answer stepUp = dave.get("/api/v1/files/" + restrictedFile);
    assertThat(stepUp.status()).isEqualTo(401);
    assertThat(stepUp.problemType()).endsWith("/step-up");
    assertThat(stepUp.body().path("factors")).extracting(JsonNode::asText).containsExactly("totp");
    // The confirmation spent this step's code: reusing it within its window is refused.
    String sameStep = AuthEndToEndIT.totp(secret, clock.instant());
    assertThat(dave.post(MFA + "/totp", code(sameStep)).status()).isEqualTo(401);
    clock.advance(Duration.ofSeconds(30));
    String next = AuthEndToEndIT.totp(secret, clock.instant());
    assertThat(dave.post(MFA + "/totp", code(next)).status()).isEqualTo(200);
    assertThat(dave.get("/api/v1/files/" + restrictedFile).status()).isEqualTo(200);
    assertThat(dave.get("/api/v1/users/me").body().path("auth").asText())
        .isEqualTo("password+totp");
    assertThat(dave.post(MFA + "/totp", code(next)).status()).isEqualTo(401);
  }

  @Test
  void phishingResistantDemand_offersOnlyPasskeys_andTotpDoesNotSatisfyIt() throws Exception {
    newUser("frank@cro.example", "CRO", null);
    ok(
        admin.post(
            "/api/v1/workspaces/" + workspaceOf(restrictedFile) + "/members",
            json().put("user", "frank@cro.example").put("role", "viewer")),
        201);
    ApiClient frank = cordon.clientFrom("127.0.1.8");
    frank.login("frank@cro.example", PASSWORD);
    String secret = ok(frank.post(MFA + "/totp/enroll", json()), 200).path("secret").asText();
    ok(frank.post(MFA + "/totp/confirm", code(AuthEndToEndIT.totp(secret, clock.instant()))), 200);
    SoftwareAuthenticator key = new SoftwareAuthenticator(cordon.base);
    register(frank, key, "security key");
    clock.advance(Duration.ofSeconds(30));
    ok(frank.post(MFA + "/totp", code(AuthEndToEndIT.totp(secret, clock.instant()))), 200);

    // TOTP opens the restricted file's details, but taking it out of the corporate network needs a
    // phishing-resistant factor: the step-up offers only the passkey, and says why.
    assertThat(frank.get("/api/v1/files/" + restrictedFile).status()).isEqualTo(200);
    Answer download = frank.get("/api/v1/files/" + restrictedFile + "/content");
    assertThat(download.status()).isEqualTo(401);
    assertThat(download.problemType()).endsWith("/step-up");
    assertThat(download.body().path("phishingResistant").asBoolean()).isTrue();
    assertThat(download.body().path("factors"))
        .extracting(JsonNode::asText)
        .containsExactly("webauthn");
    // Another TOTP code does not change that.
    clock.advance(Duration.ofSeconds(30));
    ok(frank.post(MFA + "/totp", code(AuthEndToEndIT.totp(secret, clock.instant()))), 200);
    assertThat(frank.get("/api/v1/files/" + restrictedFile + "/content").status()).isEqualTo(401);

    assertThat(proveWith(frank, key).status()).isEqualTo(200);
    HttpResponse<byte[]> taken = frank.download(restrictedFile);
    assertThat(taken.statusCode()).isEqualTo(200);
    assertThat(new String(taken.body(), StandardCharsets.UTF_8)).isEqualTo("PHI");
  }

  private String workspaceOf(String file) throws Exception {
    return ok(admin.get("/api/v1/files/" + file), 200).path("workspace").asText();
  }

  @Test
  void requiredRole_withoutFactor_mayOnlyEnrol_thenWorks() throws Exception {
    newUser("sec.officer@home.example", "Home", "security");
    ApiClient c = cordon.clientFrom("127.0.1.5");
    Answer login = c.login("sec.officer@home.example", PASSWORD);
    assertThat(login.body().path("mfaRequired").asBoolean()).isTrue();
    assertThat(login.body().path("enrolmentRequired").asBoolean()).isTrue();
    Answer blocked = c.get("/api/v1/workspaces");
    assertThat(blocked.status()).isEqualTo(401);
    assertThat(blocked.body().path("detail").asText()).contains("enrol");
    assertThat(c.post(MFA + "/recovery-codes", json()).status()).isEqualTo(401);

    SoftwareAuthenticator key = new SoftwareAuthenticator(cordon.base);
    register(c, key, "laptop");
    assertThat(c.get("/api/v1/workspaces").status()).isEqualTo(200);
    assertThat(c.get("/api/v1/users/me").body().path("auth").asText()).isEqualTo("webauthn");
    // The only factor of a user who must have one cannot be removed.
    String id = ok(c.get(MFA + "/webauthn/credentials"), 200).get(0).path("id").asText();
    assertThat(c.delete(MFA + "/webauthn/credentials/" + id).status()).isEqualTo(409);

    // With a factor enrolled, the next login asks for it and enrolment no longer opens the door.
    ApiClient next = cordon.clientFrom("127.0.1.5");
    Answer second = next.login("sec.officer@home.example", PASSWORD);
    assertThat(second.body().path("enrolmentRequired").asBoolean()).isFalse();
    assertThat(second.body().path("mfaRequired").asBoolean()).isTrue();
    assertThat(next.post(MFA + "/totp/enroll", json()).status()).isEqualTo(401);
    assertThat(next.post(MFA + "/webauthn/registration/options", json()).status()).isEqualTo(401);
    assertThat(events("auth.login", "sec.officer@home.example"))
        .anySatisfy(
            e -> assertThat(e.path("details").path("enrolmentRequired").asBoolean()).isTrue());
  }

  @Test
  void organisationRequirement_addsToTheConfiguredFloor_adminOnly_audited() throws Exception {
    ok(admin.post("/api/v1/organisations", json().put("name", "Lab").put("kind", "partner")), 201);
    String lab = orgId("Lab");
    newUser("tech@lab.example", "Lab", null);
    ApiClient before = cordon.clientFrom("127.0.1.6");
    assertThat(
            before.login("tech@lab.example", PASSWORD).body().path("enrolmentRequired").asBoolean())
        .isFalse();

    // Only administrators read or set it; a malformed or unknown id is a 404; roles are checked.
    assertThat(before.put(mfaOf(lab), roles("*")).status()).isEqualTo(403);
    assertThat(before.get(mfaOf(lab)).status()).isEqualTo(403);
    assertThat(admin.put(mfaOf("not-an-id"), roles("*")).status()).isEqualTo(404);
    assertThat(admin.put(mfaOf("org_" + "0".repeat(20)), roles("*")).status()).isEqualTo(404);
    assertThat(admin.put(mfaOf(lab), roles("wizard")).status()).isEqualTo(400);
    assertThat(admin.put(mfaOf(lab), json().put("requiredRoles", "*")).status()).isEqualTo(400);

    JsonNode set = ok(admin.put(mfaOf(lab), roles("*")), 200);
    assertThat(set.path("requiredRoles").get(0).asText()).isEqualTo("*");
    assertThat(set.path("installationRoles").get(0).asText()).isEqualTo("security");
    assertThat(ok(admin.get(mfaOf(lab)), 200)).isEqualTo(set);

    // From the next login on, a member without a factor may only enrol; the session in hand is
    // unchanged until then.
    ApiClient after = cordon.clientFrom("127.0.1.6");
    assertThat(
            after.login("tech@lab.example", PASSWORD).body().path("enrolmentRequired").asBoolean())
        .isTrue();
    assertThat(after.get("/api/v1/workspaces").status()).isEqualTo(401);
    // Other organisations are not affected.
    newUser("monitor@cro.example", "CRO", null);
    ApiClient cro = cordon.clientFrom("127.0.1.7");
    assertThat(
            cro.login("monitor@cro.example", PASSWORD).body().path("enrolmentRequired").asBoolean())
        .isFalse();

    // Clearing it leaves the configured floor only.
    assertThat(
            ok(admin.put(mfaOf(lab), json().set("requiredRoles", json().arrayNode())), 200)
                .path("requiredRoles"))
        .isEmpty();
    ApiClient cleared = cordon.clientFrom("127.0.1.6");
    assertThat(
            cleared
                .login("tech@lab.example", PASSWORD)
                .body()
                .path("enrolmentRequired")
                .asBoolean())
        .isFalse();
    // Both changes are audited with the roles before and after; so is the attempt on no org.
    List<JsonNode> audited = events("organisation.mfa", TestInstallation.ADMIN);
    assertThat(audited)
        .extracting(e -> e.path("outcome").asText())
        .containsExactly("error", "success", "success");
    assertThat(audited.get(1).path("details").path("requiredRoles").get(0).asText()).isEqualTo("*");
    assertThat(audited.get(2).path("details").path("previousRoles").get(0).asText()).isEqualTo("*");
  }

  private static String mfaOf(String org) {
    return "/api/v1/organisations/" + org + "/mfa";
  }

  private static ObjectNode roles(String... roles) {
    ObjectNode body = json();
    var a = body.putArray("requiredRoles");
    for (String r : roles) {
      a.add(r);
    }
    return body;
  }

  private String orgId(String name) throws Exception {
    for (JsonNode o : ok(admin.get("/api/v1/organisations"), 200)) {
      if (o.path("name").asText().equals(name)) {
        return o.path("id").asText();
      }
    }
    throw new AssertionError("no organisation " + name);
  }

  // --- helpers ----------------------------------------------------------------------------

  private static final String MFA = "/api/v1/auth/mfa";

  /** Registers a passkey on the client's session; returns its id. */
  private static String register(ApiClient c, SoftwareAuthenticator key, String label)
      throws Exception {
    JsonNode options = ok(c.post(MFA + "/webauthn/registration/options", json()), 200);
    assertThat(options.path("publicKey").path("rp").path("id").asText()).isEqualTo("localhost");
    String created = key.register(options.toString());
    Answer a = c.post(MFA + "/webauthn/registration", answer(options, created).put("label", label));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
    return a.body().path("id").asText();
  }

  private static Answer proveWith(ApiClient c, SoftwareAuthenticator key) throws Exception {
    JsonNode options = ok(c.post(MFA + "/webauthn/assertion/options", json()), 200);
    return c.post(
        MFA + "/webauthn/assertion", answer(options, key.authenticate(options.toString())));
  }

  private static ObjectNode answer(JsonNode options, String credential) throws IOException {
    ObjectNode body = json().put("challengeId", options.path("challengeId").asText());
    body.set("credential", ApiClient.JSON.readTree(credential));
    return body;
  }

  private void newUser(String username, String org, String role) throws Exception {
    ObjectNode u = json().put("username", username).put("org", org).put("password", PASSWORD);
    if (role != null) {
      u.putArray("roles").add(role);
    }
    ok(admin.post("/api/v1/users", u), 201);
  }

  private static JsonNode ok(Answer a, int status) {
    assertThat(a.status()).as(a.body().toString()).isEqualTo(status);
    return a.body();
  }

  private static ObjectNode json() {
    return ApiClient.JSON.createObjectNode();
  }

  private static JsonNode code(String code) {
    return json().put("code", code);
  }

  /** Audit events with this action (any when null) by or about this username. */
  private List<JsonNode> events(String action, String username) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    long from = 1;
    while (true) {
      Answer page = admin.get("/api/v1/audit/events?from=" + from + "&limit=1000");
      assertThat(page.status()).isEqualTo(200);
      for (JsonNode e : page.body()) {
        boolean mine =
            username.equals(e.path("actor").path("username").asText())
                || username.equals(e.path("object").path("name").asText());
        if ((action == null || action.equals(e.path("action").asText())) && mine) {
          found.add(e);
        }
        from = e.path("seq").asLong() + 1;
      }
      if (page.body().size() < 1000) {
        return found;
      }
    }
  }
}
