package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.server.e2e.ApiClient.Answer;
import io.cordon.testing.AdjustableClock;
import java.io.IOException;
import java.io.InputStream;
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
 * Context signals and continuous verification over real HTTPS: the client address through a trusted
 * proxy only, network zones, GeoIP (MaxMind's test database), the device credential, the step-up
 * demanded of a session that moved, the session timeouts on an injected clock, and a download cut
 * short when its session ends mid-transfer. The loopback address 127.0.0.1 plays the trusted proxy;
 * other loopback addresses are untrusted peers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContextSignalsEndToEndIT {
  private static final String USER_PASSWORD = "a long enough user password";
  private static final String LONDON = "81.2.69.160";
  private static final String LINKOPING = "89.160.20.128";

  TestInstallation cordon;
  AdjustableClock clock = new AdjustableClock(Instant.now());
  int users;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    Path mmdb = dir.resolve("city.mmdb");
    try (InputStream in = getClass().getResourceAsStream("/geoip/GeoIP2-City-Test.mmdb")) {
      Files.copy(in, mmdb);
    }
    cordon =
        TestInstallation.start(
            dir.resolve("data"),
            Map.of(
                "CORDON_GEOIP_MMDB", mmdb.toString(),
                "CORDON_HTTP_TRUSTED_PROXIES", "127.0.0.1/32",
                "CORDON_NETWORK_ZONES", "{office: [10.0.0.0/8], lab: [10.1.0.0/16]}"),
            clock);
  }

  @AfterAll
  void stop() throws IOException {
    cordon.close();
  }

  @Test
  void forwardedFor_fromTrustedProxy_placesTheClientAndEventsCarryIt() throws Exception {
    String name = newUser();
    ApiClient c = cordon.client().withHeader("X-Forwarded-For", "203.0.113.50, " + LONDON);
    assertThat(c.login(name, USER_PASSWORD).status()).isEqualTo(200);
    Answer ws = c.post("/api/v1/workspaces", ApiClient.JSON.createObjectNode().put("name", name));
    assertThat(ws.status()).isEqualTo(201);

    JsonNode login = last("auth.login", name);
    assertThat(login.path("context").path("ip").asText()).isEqualTo(LONDON);
    assertThat(login.path("context").path("zone").asText()).isEqualTo("internet");
    assertThat(login.path("context").path("geo").path("country").asText()).isEqualTo("GB");
    assertThat(login.path("context").path("geo").path("city").asText()).isEqualTo("London");
    JsonNode created = last("workspace.create", name);
    JsonNode context = created.path("context");
    assertThat(context.path("ip").asText()).isEqualTo(LONDON);
    assertThat(context.path("geo").path("lat").asDouble()).isBetween(51.0, 52.0);
    assertThat(context.path("device").asText()).startsWith("d_");
    assertThat(context.path("device").asText())
        .isEqualTo(last("device.register", name).path("object").path("id").asText());
  }

  @Test
  void forwardedFor_fromUntrustedPeer_ignoredAndThePeerIsTheClient() throws Exception {
    String name = newUser();
    ApiClient c = cordon.clientFrom("127.0.0.3").withHeader("X-Forwarded-For", LONDON);
    assertThat(c.login(name, USER_PASSWORD).status()).isEqualTo(200);

    JsonNode login = last("auth.login", name);
    assertThat(login.path("context").path("ip").asText()).isEqualTo("127.0.0.3");
    assertThat(login.path("context").has("geo")).isFalse();
  }

  @Test
  void forwardedFor_malformedEntries_neverFailTheRequest() throws Exception {
    String name = newUser();
    ApiClient c = cordon.client().withHeader("X-Forwarded-For", "not-an-address, ::zz, 300.1.1.1");
    assertThat(c.login(name, USER_PASSWORD).status()).isEqualTo(200);
    // No address can be vouched for beyond the proxy itself.
    assertThat(last("auth.login", name).path("context").path("ip").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void zones_mostSpecificBlockWins() throws Exception {
    String name = newUser();
    ApiClient lab = cordon.client().withHeader("X-Forwarded-For", "10.1.2.3");
    assertThat(lab.login(name, USER_PASSWORD).status()).isEqualTo(200);
    assertThat(last("auth.login", name).path("context").path("zone").asText()).isEqualTo("lab");
    ApiClient office = cordon.client().withHeader("X-Forwarded-For", "10.200.0.1");
    assertThat(office.login(name, USER_PASSWORD).status()).isEqualTo(200);
    assertThat(last("auth.login", name).path("context").path("zone").asText()).isEqualTo("office");
  }

  @Test
  void session_movedToAnotherCountry_mustStepUpThenIsAnchoredThere() throws Exception {
    String name = newUser();
    ApiClient c = cordon.client().withHeader("X-Forwarded-For", LONDON);
    String secret = enrolTotp(c, name);
    clock.advance(Duration.ofSeconds(30));
    assertThat(c.login(name, USER_PASSWORD).body().path("mfaRequired").asBoolean()).isTrue();
    assertThat(c.post("/api/v1/auth/mfa/totp", code(secret)).status()).isEqualTo(200);
    assertThat(c.get("/api/v1/users/me").status()).isEqualTo(200);

    c.withHeader("X-Forwarded-For", LINKOPING);
    Answer moved = c.get("/api/v1/users/me");
    assertThat(moved.status()).isEqualTo(401);
    assertThat(moved.problemType()).endsWith("/step-up");
    assertThat(last("auth.step_up", name).path("outcome").asText()).isEqualTo("denied");

    clock.advance(Duration.ofSeconds(30));
    assertThat(c.post("/api/v1/auth/mfa/totp", code(secret)).status()).isEqualTo(200);
    assertThat(c.get("/api/v1/users/me").status()).isEqualTo(200);

    // Back in London is a move again.
    c.withHeader("X-Forwarded-For", LONDON);
    assertThat(c.get("/api/v1/users/me").problemType()).endsWith("/step-up");
  }

  @Test
  void session_movedToAnotherZone_mustStepUp() throws Exception {
    String name = newUser();
    ApiClient c = cordon.client().withHeader("X-Forwarded-For", "10.1.0.9");
    assertThat(c.login(name, USER_PASSWORD).status()).isEqualTo(200);
    assertThat(c.get("/api/v1/users/me").status()).isEqualTo(200);
    c.withHeader("X-Forwarded-For", "10.9.0.9");
    assertThat(c.get("/api/v1/users/me").problemType()).endsWith("/step-up");
  }

  @Test
  void device_firstLoginRegisters_secondRecognises_revokedIsReplaced() throws Exception {
    String name = newUser();
    ApiClient c = cordon.client();
    assertThat(c.login(name, USER_PASSWORD).status()).isEqualTo(200);
    String cookie = c.deviceCookie().orElseThrow();
    List<JsonNode> devices = list(c.get("/api/v1/users/me/devices"));
    assertThat(devices).hasSize(1);
    assertThat(devices.getFirst().path("current").asBoolean()).isTrue();
    String id = devices.getFirst().path("id").asText();
    JsonNode registered = last("device.register", name);
    assertThat(registered.path("details").path("device").asText()).isEqualTo(id);
    assertThat(registered.toString()).doesNotContain(cookie.substring("cordon_device=".length()));

    ApiClient again = c.sameCredentials();
    assertThat(again.login(name, USER_PASSWORD).status()).isEqualTo(200);
    assertThat(list(again.get("/api/v1/users/me/devices"))).hasSize(1);

    ApiClient other = cordon.client();
    assertThat(other.login(newUser(), USER_PASSWORD).status()).isEqualTo(200);
    assertThat(other.delete("/api/v1/users/me/devices/" + id).status()).isEqualTo(403);
    assertThat(other.delete("/api/v1/users/me/devices/d_00000000000000000000").status())
        .isEqualTo(404);
    assertThat(other.delete("/api/v1/users/me/devices/not-an-id").status()).isEqualTo(404);

    assertThat(again.delete("/api/v1/users/me/devices/" + id).status()).isEqualTo(204);
    assertThat(again.delete("/api/v1/users/me/devices/" + id).status()).isEqualTo(409);
    assertThat(list(again.get("/api/v1/users/me/devices")).getFirst().path("current").asBoolean())
        .isTrue(); // still presented, but no longer trusted: a new login replaces it
    assertThat(again.login(name, USER_PASSWORD).status()).isEqualTo(200);
    List<JsonNode> after = list(again.get("/api/v1/users/me/devices"));
    assertThat(after).hasSize(2);
    assertThat(after.stream().filter(d -> !d.path("revoked").isNull()).count()).isEqualTo(1);
    assertThat(again.deviceCookie()).isNotEqualTo(java.util.Optional.of(cookie));
  }

  @Test
  void device_revokedByAnAdministrator_noLongerTrusted() throws Exception {
    String name = newUser();
    ApiClient c = cordon.client();
    assertThat(c.login(name, USER_PASSWORD).status()).isEqualTo(200);
    JsonNode before = c.get("/api/v1/users/me").body().path("context");
    assertThat(before.path("deviceTrusted").asBoolean()).isTrue();
    String id = before.path("device").asText();

    assertThat(admin().delete("/api/v1/users/me/devices/" + id).status()).isEqualTo(204);

    JsonNode after = c.get("/api/v1/users/me").body().path("context");
    assertThat(after.path("device").asText()).isEqualTo(id);
    assertThat(after.path("deviceTrusted").asBoolean()).isFalse();
    assertThat(last("device.revoke", TestInstallation.ADMIN).path("object").path("id").asText())
        .isEqualTo(id);
  }

  @Test
  void me_contextOfTheRequest_secondFactorTimeAndRiskReadEveryRequest() throws Exception {
    String name = newUser();
    ApiClient c = cordon.client().withHeader("X-Forwarded-For", "10.1.7.7");
    String secret = enrolTotp(c, name);
    clock.advance(Duration.ofSeconds(30));
    c.login(name, USER_PASSWORD);
    assertThat(c.post("/api/v1/auth/mfa/totp", code(secret)).status()).isEqualTo(200);
    JsonNode context = c.get("/api/v1/users/me").body().path("context");
    assertThat(context.path("ip").asText()).isEqualTo("10.1.7.7");
    assertThat(context.path("zone").asText()).isEqualTo("lab");
    assertThat(Instant.parse(context.path("secondFactorAt").asText()))
        .isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(context.path("riskScore").asDouble()).isZero();

    io.cordon.identity.UserId user =
        new io.cordon.identity.UserId(c.get("/api/v1/users/me").body().path("id").asText());
    cordon.node().sessionRisk().raise(user, 0.8, "impossible travel", Duration.ofMinutes(5));
    assertThat(c.get("/api/v1/users/me").body().path("context").path("riskScore").asDouble())
        .isEqualTo(0.8);
  }

  @Test
  void session_idleLongerThanTheIdleTimeout_ends() throws Exception {
    ApiClient c = cordon.client();
    assertThat(c.login(newUser(), USER_PASSWORD).status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(29));
    assertThat(c.get("/api/v1/users/me").status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(31));
    assertThat(c.get("/api/v1/users/me").status()).isEqualTo(401);
  }

  @Test
  void session_activeButOlderThanTheAbsoluteTimeout_ends() throws Exception {
    ApiClient c = cordon.client();
    assertThat(c.login(newUser(), USER_PASSWORD).status()).isEqualTo(200);
    for (int i = 0; i < 35; i++) {
      clock.advance(Duration.ofMinutes(20));
      assertThat(c.get("/api/v1/users/me").status())
          .as("after %d min", 20 * (i + 1))
          .isEqualTo(200);
    }
    clock.advance(Duration.ofMinutes(20)); // 12 h since login
    assertThat(c.get("/api/v1/users/me").status()).isEqualTo(401);
  }

  @Test
  void download_sessionEndedMidTransfer_clientGetsATruncatedFileAndAuditSaysSo() throws Exception {
    String file = bigFile();
    ApiClient reader = admin();
    long received =
        readThen(
            reader,
            file,
            () ->
                assertThat(
                        reader
                            .sameCredentials()
                            .post("/api/v1/auth/logout", ApiClient.JSON.createObjectNode())
                            .status())
                    .isEqualTo(204));
    assertThat(received).isLessThan(BIG);
    JsonNode cut = lastCut(TestInstallation.ADMIN);
    assertThat(cut.path("reason").asText()).contains("session was ended");
    assertThat(cut.path("details").path("bytes").asLong())
        .isGreaterThanOrEqualTo(received)
        .isLessThan(BIG);
  }

  @Test
  void download_userDisabledMidTransferOfATokenDownload_truncatedAndAudited() throws Exception {
    String file = bigFile();
    String name = newUser();
    // The owner makes the new user a viewer of the workspace holding the file.
    ApiClient owner = admin();
    String ws = owner.get("/api/v1/files/" + file).body().path("workspace").asText();
    assertThat(
            owner
                .post(
                    "/api/v1/workspaces/" + ws + "/members",
                    ApiClient.JSON.createObjectNode().put("user", name).put("role", "viewer"))
                .status())
        .isEqualTo(201);
    var node = cordon.node();
    String token =
        node.identity()
            .createToken(
                node.installation().operatorContext(),
                name,
                java.util.Set.of(),
                Duration.ofHours(1))
            .secret();
    ApiClient reader = cordon.client().withBearer(token);
    long received =
        readThen(
            reader,
            file,
            () ->
                node.store()
                    .inTransaction(
                        tx -> {
                          var user = tx.users().findByUsername(name).orElseThrow();
                          tx.users()
                              .update(user.withStatus(io.cordon.identity.UserStatus.DISABLED));
                          return null;
                        }));
    assertThat(received).isLessThan(BIG);
    JsonNode cut = lastCut(name);
    assertThat(cut.path("reason").asText()).contains("account was disabled");
    assertThat(cut.path("actor").path("session").asText()).startsWith("t_");
    assertThat(cut.has("context") && cut.path("context").has("device")).isFalse();
  }

  // --- helpers ----------------------------------------------------------------------------

  private static final long BIG = 64L << 20;

  /** A 64 MiB file in a new workspace of the administrator; its id. */
  private String bigFile() throws Exception {
    ApiClient owner = admin();
    String ws =
        owner
            .post(
                "/api/v1/workspaces",
                ApiClient.JSON.createObjectNode().put("name", "big" + (++users)))
            .body()
            .path("id")
            .asText();
    Answer up = owner.upload(ws, "big.bin", () -> new PatternStream(BIG));
    assertThat(up.status()).as(up.body().toString()).isEqualTo(201);
    return up.body().path("id").asText();
  }

  /**
   * Downloads {@code file}, reads 2 MiB, runs {@code meanwhile} (the revocation), then reads on
   * until the transfer ends; every byte is checked against the file. Returns the bytes received.
   */
  private static long readThen(ApiClient reader, String file, ThrowingRunnable meanwhile)
      throws Exception {
    long received = 0;
    var response = reader.downloadStream("/api/v1/files/" + file + "/content");
    assertThat(response.statusCode()).isEqualTo(200);
    try (InputStream body = response.body()) {
      byte[] buf = new byte[64 * 1024];
      while (received < (2 << 20)) {
        received += checked(buf, body.read(buf), received, BIG);
      }
      meanwhile.run();
      try {
        int n;
        while ((n = body.read(buf)) > 0) {
          received += checked(buf, n, received, BIG);
        }
      } catch (IOException truncated) {
        // The server aborted the transfer: what matters is how much arrived.
      }
    }
    return received;
  }

  /** The newest download of {@code username} that ended in error. */
  private JsonNode lastCut(String username) throws Exception {
    return events("file.download", username).stream()
        .filter(e -> e.path("outcome").asText().equals("error"))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  /**
   * Checks that the {@code n} bytes just read are the file's bytes at that offset: an aborted
   * transfer must end short, never carry anything else (an error document) as file content.
   */
  private static int checked(byte[] buf, int n, long offset, long size) {
    for (int i = 0; i < n; i++) {
      long position = offset + i;
      if (buf[i] != (byte) ((size - position) % 251)) {
        throw new AssertionError("byte " + position + " is not the file's");
      }
    }
    return Math.max(0, n);
  }

  private ApiClient admin() throws Exception {
    ApiClient a = cordon.client();
    assertThat(a.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status()).isEqualTo(200);
    return a;
  }

  private String newUser() throws Exception {
    String username = "ctx" + (++users) + "@home.example";
    Answer a =
        admin()
            .post(
                "/api/v1/users",
                ApiClient.JSON
                    .createObjectNode()
                    .put("username", username)
                    .put("org", "Home")
                    .put("password", USER_PASSWORD));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
    return username;
  }

  private String enrolTotp(ApiClient c, String name) throws Exception {
    assertThat(c.login(name, USER_PASSWORD).status()).isEqualTo(200);
    String secret =
        c.post("/api/v1/auth/mfa/totp/enroll", ApiClient.JSON.createObjectNode())
            .body()
            .path("secret")
            .asText();
    assertThat(c.post("/api/v1/auth/mfa/totp/confirm", code(secret)).status()).isEqualTo(200);
    return secret;
  }

  private JsonNode code(String secret) {
    return ApiClient.JSON
        .createObjectNode()
        .put("code", AuthEndToEndIT.totp(secret, clock.instant()));
  }

  private static List<JsonNode> list(Answer a) {
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    a.body().forEach(out::add);
    return out;
  }

  private JsonNode last(String action, String username) throws Exception {
    List<JsonNode> found = events(action, username);
    assertThat(found).as(action + " by " + username).isNotEmpty();
    return found.getLast();
  }

  /** Audit events with this action by this username, oldest first. */
  private List<JsonNode> events(String action, String username) throws Exception {
    ApiClient auditor = admin();
    List<JsonNode> found = new ArrayList<>();
    long from = 1;
    while (true) {
      Answer page = auditor.get("/api/v1/audit/events?from=" + from + "&limit=1000");
      assertThat(page.status()).isEqualTo(200);
      for (JsonNode e : page.body()) {
        from = e.path("seq").asLong() + 1;
        if (e.path("action").asText().equals(action)
            && e.path("actor").path("username").asText().equals(username)) {
          found.add(e);
        }
      }
      if (page.body().size() < 1000) {
        return found;
      }
    }
  }

  /** {@code size} bytes of a repeating pattern, generated as read (no 64 MiB array). */
  private static final class PatternStream extends InputStream {
    private long left;

    PatternStream(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      return left-- > 0 ? (int) (left % 251) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) ((left - i) % 251);
      }
      left -= n;
      return n;
    }
  }
}
