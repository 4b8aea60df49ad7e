package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.server.cli.CliRun;
import io.cordon.server.e2e.ApiClient.Answer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authentication as a user meets it over HTTPS: TOTP enrolment and login, lockout, per-address
 * throttling, API tokens issued by the CLI while the server runs, logout. Each test talks from its
 * own loopback address so that per-address throttling in one cannot starve another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthEndToEndIT {
  private static final String USER_PASSWORD = "a long enough user password";

  TestInstallation cordon;
  ApiClient admin;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    cordon = TestInstallation.start(dir.resolve("data"), Map.of());
    admin = cordon.client();
    assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
  }

  @AfterAll
  void stop() throws IOException {
    cordon.close();
  }

  // --- TOTP -------------------------------------------------------------------------------

  @Test
  void totpJourney_enrolThenLogin_factorRequiredOnceAndCodesNotReusable() throws Exception {
    String username = newUser("mfa.user@home.example");
    ApiClient c = cordon.clientFrom("127.0.0.2");
    Answer first = c.login(username, USER_PASSWORD);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().path("mfaRequired").asBoolean()).isFalse();

    Answer enrol = c.post("/api/v1/auth/mfa/totp/enroll", ApiClient.JSON.createObjectNode());
    assertThat(enrol.status()).as(enrol.body().toString()).isEqualTo(200);
    String secret = enrol.body().path("secret").asText();
    assertThat(secret).matches("[A-Z2-7]{16,}");
    assertThat(enrol.body().path("otpauthUri").asText())
        .startsWith("otpauth://totp/")
        .contains("secret=" + secret)
        .contains("period=30")
        .contains("digits=6");

    Answer badConfirm = c.post("/api/v1/auth/mfa/totp/confirm", code(wrongCode(secret)));
    assertThat(badConfirm.status()).isEqualTo(400);
    Answer confirm = c.post("/api/v1/auth/mfa/totp/confirm", code(totp(secret, Instant.now())));
    assertThat(confirm.status()).as(confirm.body().toString()).isEqualTo(200);
    assertThat(c.post("/api/v1/auth/logout", ApiClient.JSON.createObjectNode()).status())
        .isEqualTo(204);

    ApiClient again = cordon.clientFrom("127.0.0.2");
    Answer login = again.login(username, USER_PASSWORD);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.body().path("mfaRequired").asBoolean()).isTrue();
    assertThat(again.get("/api/v1/workspaces").status()).isEqualTo(401);
    assertThat(again.get("/api/v1/users/me").status()).isEqualTo(401);
    assertThat(
            again.post("/api/v1/auth/mfa/totp/enroll", ApiClient.JSON.createObjectNode()).status())
        .isEqualTo(401);

    Answer wrong = again.post("/api/v1/auth/mfa/totp", code(wrongCode(secret)));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(again.get("/api/v1/workspaces").status()).isEqualTo(401);

    // The confirmation spent the current step; the next step's code is inside the window.
    String next = totp(secret, Instant.now().plusSeconds(30));
    Answer right = again.post("/api/v1/auth/mfa/totp", code(next));
    assertThat(right.status()).as(right.body().toString()).isEqualTo(200);
    assertThat(right.body().path("mfaRequired").asBoolean()).isFalse();

    Answer replayedHere = again.post("/api/v1/auth/mfa/totp", code(next));
    assertThat(replayedHere.status()).isEqualTo(401);
    ApiClient thief = cordon.clientFrom("127.0.0.2");
    assertThat(thief.login(username, USER_PASSWORD).body().path("mfaRequired").asBoolean())
        .isTrue();
    assertThat(thief.post("/api/v1/auth/mfa/totp", code(next)).status()).isEqualTo(401);
    assertThat(thief.get("/api/v1/workspaces").status()).isEqualTo(401);

    assertThat(again.get("/api/v1/workspaces").status()).isEqualTo(200);
    Answer me = again.get("/api/v1/users/me");
    assertThat(me.body().path("auth").asText()).isEqualTo("password+totp");

    List<JsonNode> mfa = events("auth.mfa", username);
    assertThat(mfa)
        .anySatisfy(
            e -> {
              assertThat(e.path("outcome").asText()).isEqualTo("success");
              assertThat(e.path("actor").path("auth").asText()).isEqualTo("password+totp");
              assertThat(e.path("actor").path("session").asText())
                  .isEqualTo(login.body().path("session").asText());
            });
    // Refused codes: the wrong one and the replay from half-open sessions (auth still
    // "password"), the replay on the completed session.
    assertThat(mfa).filteredOn(e -> e.path("outcome").asText().equals("denied")).hasSize(3);
    assertThat(mfa)
        .filteredOn(e -> e.path("outcome").asText().equals("denied"))
        .filteredOn(e -> e.path("actor").path("auth").asText().equals("password"))
        .hasSize(2);
  }

  @Test
  void totpCompletion_repeatedWrongCodes_lockTheAccount() throws Exception {
    String username = newUser("code.guesser@home.example");
    ApiClient c = cordon.clientFrom("127.0.0.9");
    c.login(username, USER_PASSWORD);
    String secret =
        c.post("/api/v1/auth/mfa/totp/enroll", ApiClient.JSON.createObjectNode())
            .body()
            .path("secret")
            .asText();
    assertThat(c.post("/api/v1/auth/mfa/totp/confirm", code(totp(secret, Instant.now()))).status())
        .isEqualTo(200);
    ApiClient guesser = cordon.clientFrom("127.0.0.9");
    assertThat(guesser.login(username, USER_PASSWORD).body().path("mfaRequired").asBoolean())
        .isTrue();
    for (int i = 0; i < 5; i++) {
      assertThat(guesser.post("/api/v1/auth/mfa/totp", code(wrongCode(secret))).status())
          .isEqualTo(401);
    }
    Answer right =
        guesser.post("/api/v1/auth/mfa/totp", code(totp(secret, Instant.now().plusSeconds(30))));
    assertThat(right.status()).isEqualTo(401);
    assertThat(guesser.get("/api/v1/workspaces").status()).isEqualTo(401);
    assertThat(cordon.clientFrom("127.0.0.9").login(username, USER_PASSWORD).status())
        .isEqualTo(401);
    assertThat(events("auth.mfa", username))
        .filteredOn(e -> e.path("outcome").asText().equals("denied"))
        .extracting(e -> e.path("reason").asText())
        .contains("account locked")
        .anySatisfy(r -> assertThat(r).contains("account locked until"));
  }

  @Test
  void totpCompletion_withoutEnrolledFactor_conflictNotServerError() throws Exception {
    ApiClient c = cordon.clientFrom("127.0.0.6");
    c.login(newUser("no.factor@home.example"), USER_PASSWORD);
    Answer a = c.post("/api/v1/auth/mfa/totp", code("123456"));
    assertThat(a.status()).isEqualTo(409);
    assertThat(a.problemType()).endsWith("/conflict");
  }

  // --- lockout and throttling -------------------------------------------------------------

  @Test
  void login_repeatedWrongPasswords_lockAccountAndAuditWhy() throws Exception {
    String username = newUser("locked.out@home.example");
    ApiClient c = cordon.clientFrom("127.0.0.3");
    Answer wrongOnce = null;
    for (int i = 0; i < 5; i++) {
      wrongOnce = c.login(username, "not the password " + i);
      assertThat(wrongOnce.status()).isEqualTo(401);
    }
    Answer locked = c.login(username, USER_PASSWORD);
    assertThat(locked.status()).isEqualTo(401);
    // The same answer as a wrong password: a guesser learns nothing about the lock.
    assertThat(locked.body().path("detail").asText())
        .isEqualTo(wrongOnce.body().path("detail").asText())
        .isEqualTo("wrong username or password");
    assertThat(locked.raw().body()).doesNotContain("lock");

    List<String> reasons =
        events("auth.login_failed", username).stream().map(e -> e.path("reason").asText()).toList();
    assertThat(reasons).hasSize(6);
    assertThat(reasons.subList(0, 4)).allMatch(r -> r.equals("wrong password"));
    assertThat(reasons.get(4)).startsWith("wrong password; account locked until ");
    assertThat(reasons.get(5)).isEqualTo("account locked");
    assertThat(events("auth.login", username)).isEmpty();
  }

  @Test
  void login_tooManyAttemptsFromOneAddress_throttledWithRetryAfter() throws Exception {
    ApiClient c = cordon.clientFrom("127.0.0.4");
    Answer last = null;
    int attempts = 0;
    while (attempts < 40) {
      attempts++;
      last = c.login("nobody." + attempts + "@home.example", "some wrong password");
      if (last.status() != 401) {
        break;
      }
    }
    assertThat(last.status()).as(last.body().toString()).isEqualTo(429);
    assertThat(attempts).isGreaterThan(5);
    assertThat(last.problemType()).endsWith("/throttled");
    assertThat(last.raw().headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(last.raw().headers().firstValueAsLong("Retry-After").orElse(-1)).isPositive();
    // Even the right password is throttled from that address...
    assertThat(c.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status()).isEqualTo(429);
    // ...but not from another.
    assertThat(
            cordon
                .clientFrom("127.0.0.5")
                .login(TestInstallation.ADMIN, TestInstallation.PASSWORD)
                .status())
        .isEqualTo(200);
    assertThat(events("auth.login_failed", null))
        .anySatisfy(
            e -> {
              assertThat(e.path("reason").asText()).isEqualTo("throttled");
              assertThat(e.path("context").path("ip").asText()).isEqualTo("127.0.0.4");
            });
  }

  // --- API tokens and sessions ------------------------------------------------------------

  @Test
  void tokenCreate_byCliWhileServing_bearerTokenWorks() throws Exception {
    CliRun run = cli("token", "create", "--user", TestInstallation.ADMIN);
    assertThat(run.exit()).as(run.toString()).isZero();
    String token = run.out().strip();
    ApiClient bearer = cordon.clientFrom("127.0.0.7").withBearer(token);
    Answer a = bearer.get("/api/v1/workspaces");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    assertThat(bearer.get("/api/v1/users/me").body().path("auth").asText()).isEqualTo("token");
    Answer created =
        bearer.post(
            "/api/v1/workspaces", ApiClient.JSON.createObjectNode().put("name", "by token"));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    assertThat(events("token.create", null))
        .filteredOn(e -> e.path("details").path("for").asText().equals(TestInstallation.ADMIN))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.path("context").path("channel").asText()).isEqualTo("cli"));
  }

  @Test
  void tokenCreate_withoutApiScope_refusedForApi() throws Exception {
    CliRun run = cli("token", "create", "--user", TestInstallation.ADMIN, "--scopes", "metrics");
    assertThat(run.exit()).as(run.toString()).isZero();
    Answer a =
        cordon.clientFrom("127.0.0.7").withBearer(run.out().strip()).get("/api/v1/workspaces");
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.problemType()).endsWith("/denied");
    assertThat(a.body().path("detail").asText()).contains("scope");
  }

  @Test
  void metrics_withMetricsScope_prometheusTextWithRouteTemplatesOnly() throws Exception {
    ApiClient user = cordon.clientFrom("127.0.0.8");
    user.login(TestInstallation.ADMIN, TestInstallation.PASSWORD);
    user.get("/api/v1/workspaces");
    CliRun scrape = cli("token", "create", "--user", TestInstallation.ADMIN, "--scopes", "metrics");
    CliRun api = cli("token", "create", "--user", TestInstallation.ADMIN);

    HttpResponse<String> m =
        cordon.http.send(
            cordon
                .clientFrom("127.0.0.8")
                .withBearer(scrape.out().strip())
                .request("/metrics")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Answer withoutScope =
        cordon.clientFrom("127.0.0.8").withBearer(api.out().strip()).get("/metrics");

    assertThat(m.statusCode()).as(m.body()).isEqualTo(200);
    assertThat(m.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(m.body())
        .contains("cordon_ready 1.0")
        .contains("jvm_memory_used_bytes")
        .containsPattern(
            "cordon_http_requests_seconds_count\\{[^}]*route=\"/api/v1/workspaces\"[^}]*status=\"2xx\"")
        .doesNotContain(TestInstallation.ADMIN)
        .doesNotContain("ws_");
    assertThat(withoutScope.status()).isEqualTo(403);
    assertThat(withoutScope.body().path("detail").asText()).contains("metrics");
  }

  @Test
  void disableUser_byAdministrator_endsTheirSessionAndTokens_enableLetsThemBackIn()
      throws Exception {
    String username = newUser("leaver@home.example");
    ApiClient leaver = cordon.clientFrom("127.0.0.12");
    assertThat(leaver.login(username, USER_PASSWORD).status()).isEqualTo(200);
    CliRun token = cli("token", "create", "--user", username);
    ApiClient bearer = cordon.clientFrom("127.0.0.12").withBearer(token.out().strip());
    assertThat(bearer.get("/api/v1/workspaces").status()).isEqualTo(200);
    ApiClient admin = cordon.clientFrom("127.0.0.13");
    admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD);
    String id =
        admin.get("/api/v1/users").body().findParents("username").stream()
            .filter(u -> u.path("username").asText().equals(username))
            .findFirst()
            .orElseThrow()
            .path("id")
            .asText();

    Answer byUser =
        leaver.post("/api/v1/users/" + id + "/disable", ApiClient.JSON.createObjectNode());
    Answer disabled =
        admin.post("/api/v1/users/" + id + "/disable", ApiClient.JSON.createObjectNode());

    assertThat(byUser.status()).isEqualTo(403); // not an administrator
    assertThat(disabled.status()).as(disabled.body().toString()).isEqualTo(200);
    assertThat(disabled.body().path("status").asText()).isEqualTo("disabled");
    assertThat(leaver.get("/api/v1/workspaces").status()).isEqualTo(401);
    assertThat(bearer.get("/api/v1/workspaces").status()).isEqualTo(401);
    assertThat(cordon.clientFrom("127.0.0.14").login(username, USER_PASSWORD).status())
        .isNotEqualTo(200);
    assertThat(events("user.disable", null))
        .anySatisfy(e -> assertThat(e.path("object").path("id").asText()).isEqualTo(id));

    assertThat(
            admin
                .post("/api/v1/users/" + id + "/enable", ApiClient.JSON.createObjectNode())
                .status())
        .isEqualTo(200);
    assertThat(bearer.get("/api/v1/workspaces").status()).isEqualTo(200);
    assertThat(
            admin
                .post(
                    "/api/v1/users/u_nosuchuser0000000000/disable",
                    ApiClient.JSON.createObjectNode())
                .status())
        .isEqualTo(404);
    String adminId =
        admin.get("/api/v1/users").body().findParents("username").stream()
            .filter(u -> u.path("username").asText().equals(TestInstallation.ADMIN))
            .findFirst()
            .orElseThrow()
            .path("id")
            .asText();
    assertThat(
            admin
                .post("/api/v1/users/" + adminId + "/disable", ApiClient.JSON.createObjectNode())
                .status())
        .as("nobody disables their own account")
        .isEqualTo(409);
  }

  @Test
  void bearerToken_expired_unauthorised() throws Exception {
    CliRun run = cli("token", "create", "--user", TestInstallation.ADMIN, "--ttl", "1s");
    assertThat(run.exit()).as(run.toString()).isZero();
    ApiClient bearer = cordon.clientFrom("127.0.0.7").withBearer(run.out().strip());
    Instant deadline = Instant.now().plusSeconds(15);
    Answer a = bearer.get("/api/v1/workspaces");
    while (a.status() == 200 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      a = bearer.get("/api/v1/workspaces");
    }
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.problemType()).endsWith("/unauthenticated");
  }

  @Test
  void bearerToken_garbageOrWrongScheme_unauthorised() throws Exception {
    ApiClient garbage = cordon.clientFrom("127.0.0.7").withBearer("cordon_not_a_real_token");
    assertThat(garbage.get("/api/v1/workspaces").status()).isEqualTo(401);
    var basic =
        cordon
            .clientFrom("127.0.0.7")
            .send(
                cordon
                    .client()
                    .request("/api/v1/workspaces")
                    .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                    .GET()
                    .build());
    assertThat(basic.status()).isEqualTo(401);
  }

  @Test
  void logout_endsSession_oldCookieCannotBeReused() throws Exception {
    ApiClient c = cordon.clientFrom("127.0.0.8");
    assertThat(c.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status()).isEqualTo(200);
    ApiClient stolen = c.sameCredentials();
    assertThat(stolen.get("/api/v1/workspaces").status()).isEqualTo(200);

    Answer out = c.post("/api/v1/auth/logout", ApiClient.JSON.createObjectNode());
    assertThat(out.status()).isEqualTo(204);
    assertThat(out.raw().headers().allValues("Set-Cookie"))
        .anySatisfy(v -> assertThat(v).startsWith("cordon_session=;").contains("Max-Age=0"));

    Answer replay = stolen.get("/api/v1/workspaces");
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.problemType()).endsWith("/unauthenticated");
    assertThat(
            stolen
                .post("/api/v1/workspaces", ApiClient.JSON.createObjectNode().put("name", "after"))
                .status())
        .isEqualTo(401);
    assertThat(stolen.post("/api/v1/auth/logout", ApiClient.JSON.createObjectNode()).status())
        .isEqualTo(401);
    assertThat(events("auth.logout", TestInstallation.ADMIN)).isNotEmpty();
  }

  @Test
  void logout_withApiToken_refusedAsProblemNotServerError() throws Exception {
    CliRun run = cli("token", "create", "--user", TestInstallation.ADMIN);
    ApiClient bearer = cordon.clientFrom("127.0.0.7").withBearer(run.out().strip());
    Answer a = bearer.post("/api/v1/auth/logout", ApiClient.JSON.createObjectNode());
    assertThat(a.status()).as(a.body().toString()).isBetween(400, 499);
    assertThat(a.raw().headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(bearer.get("/api/v1/workspaces").status()).isEqualTo(200);
  }

  // --- helpers ----------------------------------------------------------------------------

  private CliRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data");
    all.add(cordon.dataDir.toString());
    return CliRun.of(all.toArray(String[]::new));
  }

  private String newUser(String username) throws Exception {
    Answer a =
        admin.post(
            "/api/v1/users",
            ApiClient.JSON
                .createObjectNode()
                .put("username", username)
                .put("org", "Home")
                .put("password", USER_PASSWORD));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
    return username;
  }

  /** Audit events with this action, about (or by) this username; all of them when null. */
  private List<JsonNode> events(String action, String username) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    long from = 1;
    while (true) {
      Answer page = admin.get("/api/v1/audit/events?from=" + from + "&limit=1000");
      assertThat(page.status()).isEqualTo(200);
      for (JsonNode e : page.body()) {
        boolean mine =
            username == null
                || username.equals(e.path("actor").path("username").asText())
                || username.equals(e.path("object").path("name").asText());
        if (action.equals(e.path("action").asText()) && mine) {
          found.add(e);
        }
        from = e.path("seq").asLong() + 1;
      }
      if (page.body().size() < 1000) {
        return found;
      }
    }
  }

  private static JsonNode code(String code) {
    return ApiClient.JSON.createObjectNode().put("code", code);
  }

  /** A six-digit code valid in none of the steps the server might accept around now. */
  private static String wrongCode(String secret) {
    Instant now = Instant.now();
    Set<String> valid = new HashSet<>();
    for (int s = -2; s <= 2; s++) {
      valid.add(totp(secret, now.plusSeconds(30L * s)));
    }
    for (int n = 0; ; n++) {
      String candidate = String.format("%06d", (n * 7919) % 1_000_000);
      if (!valid.contains(candidate)) {
        return candidate;
      }
    }
  }

  /**
   * RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits), written here independently of the product's {@code
   * Totp} so the test checks interoperability rather than agreeing with itself.
   */
  static String totp(String base32Secret, Instant at) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
      long step = Math.floorDiv(at.getEpochSecond(), Duration.ofSeconds(30).getSeconds());
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int o = h[h.length - 1] & 0x0f;
      int bin =
          ((h[o] & 0x7f) << 24)
              | ((h[o + 1] & 0xff) << 16)
              | ((h[o + 2] & 0xff) << 8)
              | (h[o + 3] & 0xff);
      return String.format("%06d", bin % 1_000_000);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RFC 4648 base32, upper case, padding optional. */
  static byte[] base32(String s) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    String clean = s.replace("=", "").toUpperCase(java.util.Locale.ROOT);
    byte[] out = new byte[clean.length() * 5 / 8];
    long buffer = 0;
    int bits = 0;
    int n = 0;
    for (char ch : clean.toCharArray()) {
      int v = alphabet.indexOf(ch);
      if (v < 0) {
        throw new IllegalArgumentException("not base32: " + ch);
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out[n++] = (byte) (buffer >> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }
}
