package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.audit.checkpoint.Ed25519Cosigner;
import io.cordon.server.cli.CliRun;
import io.cordon.server.e2e.ApiClient.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real Cordon installations over TLS: A (a log) is configured with B as its witness, B
 * witnesses A's origin. A's checkpoints come to carry B's cosignature, checked by {@link
 * IndependentCosignatureVerifier}; B's add-checkpoint endpoint refuses every hostile submission
 * with the status c2sp.org/tlog-witness prescribes, audits it, and never rolls a log back, even
 * under concurrent submissions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WitnessEndToEndIT {
  private static final long WAIT_MILLIS = 30_000;

  TestInstallation witness;
  TestInstallation log;
  ApiClient witnessAdmin;
  ApiClient logAdmin;
  String witnessKey;
  String witnessToken;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    witness =
        TestInstallation.start(dir.resolve("b"), Map.of("CORDON_AUDIT_CHECKPOINT_INTERVAL", "1s"));
    witnessAdmin = witness.client();
    assertThat(witnessAdmin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
    witnessKey = witnessAdmin.getText("/api/v1/witness/key").body().strip();
    witnessToken =
        CliRun.of(
                "token",
                "create",
                "--data",
                witness.dataDir.toString(),
                "--user",
                TestInstallation.ADMIN,
                "--scopes",
                "witness",
                "--ttl",
                "1h")
            .out()
            .strip();

    Path logData = Files.createDirectories(dir.resolve("a"));
    Files.writeString(logData.resolve("witness.token"), witnessToken + "\n");
    Files.writeString(
        logData.resolve("cordon.yaml"),
        String.format(
            Locale.ROOT,
            """
            audit:
              checkpoint-interval: 1s
              witness-timeout: 5s
              witness-ca: "%s"
              witnesses:
                - name: "%s"
                  key: "%s"
                  url: "%s/api/v1/witness"
                  token-file: witness.token
            """,
            witness.dataDir.resolve("tls/ca.pem"),
            name(witnessKey),
            witnessKey,
            witness.base));
    log = TestInstallation.start(logData, Map.of());
    logAdmin = log.client();
    assertThat(logAdmin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
    String logKey = logAdmin.getText("/api/v1/audit/checkpoint/key").body().strip();
    // Registered only now: A's first submissions were refused (404) and A carried on.
    assertThat(registerOnWitness(name(logKey), logKey).status()).isEqualTo(201);
  }

  @AfterAll
  void stop() throws Exception {
    log.close();
    witness.close();
  }

  @Test
  void logCheckpoint_carriesTheWitnessCosignature_verifiedIndependently() throws Exception {
    long before = Instant.now().getEpochSecond();
    makeActivity("cosigned");
    String logKey = logAdmin.getText("/api/v1/audit/checkpoint/key").body().strip();

    String note = cosignedCheckpoint();

    IndependentTlogVerifier.Checkpoint cp = IndependentTlogVerifier.verifyCheckpoint(note, logKey);
    long time = IndependentCosignatureVerifier.verify(note, witnessKey);
    assertThat(time).isBetween(before - 5, Instant.now().getEpochSecond() + 5);
    assertThat(note.indexOf("\u2014 " + cp.origin() + " "))
        .as("the log's signature comes first")
        .isLessThan(note.indexOf("\u2014 " + name(witnessKey) + " "));
    // The witness recorded A's log at (at least) this size.
    JsonNode logs = witnessAdmin.get("/api/v1/witness/logs").body();
    assertThat(logs.findValuesAsText("origin")).contains(cp.origin());
    // The export directory holds the cosigned note too.
    Path file =
        log.dataDir.resolve(
            String.format(Locale.ROOT, "audit/checkpoints/%020d.checkpoint", cp.size()));
    String exported =
        waitFor(
            () -> Files.exists(file) ? Files.readString(file) : "", "\u2014 " + name(witnessKey));
    IndependentCosignatureVerifier.verify(exported, witnessKey);

    CliRun verified =
        CliRun.of(
            "audit",
            "verify",
            "--data",
            log.dataDir.toString(),
            "--against",
            file.toString(),
            "--witness-key",
            witnessKey);
    assertThat(verified.exit()).as(verified.toString()).isZero();
    assertThat(verified.out()).contains("cosigned by " + name(witnessKey));
    String otherWitness =
        Ed25519Cosigner.fromSeed("other.example/witness", Ed25519Cosigner.generateSeed())
            .key()
            .encoded();
    CliRun notCosigned =
        CliRun.of(
            "audit",
            "verify",
            "--data",
            log.dataDir.toString(),
            "--against",
            file.toString(),
            "--witness-key",
            otherWitness);
    assertThat(notCosigned.exit()).as(notCosigned.toString()).isEqualTo(1);
    String logKeyNotWitnessKey =
        witnessAdmin.getText("/api/v1/audit/checkpoint/key").body().strip();
    CliRun wrongType =
        CliRun.of(
            "audit",
            "verify",
            "--data",
            log.dataDir.toString(),
            "--against",
            file.toString(),
            "--witness-key",
            logKeyNotWitnessKey);
    assertThat(wrongType.exit()).as(wrongType.toString()).isEqualTo(2);
  }

  @Test
  void addCheckpoint_hostileSubmissions_refusedWithProtocolStatuses_andNeverRollBack()
      throws Exception {
    TestLog test = new TestLog("test.example/hostile", "a");
    test.grow(9);
    assertThat(registerOnWitness(test.origin, test.verifierKey()).status()).isEqualTo(201);

    // Unauthenticated, or a session without the witness scope.
    assertThat(submit(null, test.request(0, 5)).statusCode()).isEqualTo(401);
    HttpResponse<String> session =
        witness.http.send(
            witnessAdmin
                .request("/api/v1/witness/add-checkpoint")
                .POST(HttpRequest.BodyPublishers.ofString(test.request(0, 5)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(session.statusCode()).isEqualTo(403);
    // Malformed and oversize bodies.
    assertThat(submit(witnessToken, "old 01\n\n" + test.checkpoint(5)).statusCode()).isEqualTo(400);
    assertThat(submit(witnessToken, "garbage").statusCode()).isEqualTo(400);
    assertThat(submit(witnessToken, "old 0\n\n" + "x".repeat(70_000)).statusCode()).isEqualTo(413);
    // An origin the witness does not know, and a signature by another key under the log's name.
    TestLog stranger = new TestLog("test.example/stranger", "s").grow(5);
    assertThat(submit(witnessToken, stranger.request(0, 5)).statusCode()).isEqualTo(404);
    TestLog impostor = test.fork("i", 5);
    assertThat(submit(witnessToken, impostor.request(0, 5)).statusCode()).isEqualTo(403);

    // The first checkpoint is cosigned.
    HttpResponse<String> first = submit(witnessToken, test.request(0, 5));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    IndependentCosignatureVerifier.verify(test.checkpoint(5) + first.body(), witnessKey);

    // Wrong old size: 409 with the witness's size.
    HttpResponse<String> stale = submit(witnessToken, test.request(3, 9));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/x.tlog.size");
    assertThat(stale.body()).isEqualTo("5\n");
    // Rollbacks: a smaller checkpoint, the same size with another root, an inconsistent history.
    assertThat(submit(witnessToken, test.request(5, 5)).statusCode()).isEqualTo(200);
    assertThat(submit(witnessToken, "old 5\n\n" + test.checkpoint(3)).statusCode()).isEqualTo(400);
    TestLog rewritten = new TestLog(test.origin, "r");
    String sameSizeOtherRoot = "old 5\n\n" + sign(test, rewritten.grow(5), 5);
    HttpResponse<String> fork = submit(witnessToken, sameSizeOtherRoot);
    assertThat(fork.statusCode()).isEqualTo(409);
    assertThat(fork.body()).isEqualTo("5\n");
    String inconsistent = inconsistentRequest(test);
    assertThat(submit(witnessToken, inconsistent).statusCode()).isEqualTo(422);
    String badProof =
        test.request(5, 9)
            .replaceFirst("\n[A-Za-z0-9+/]{43}=\n", "\n" + TestLog.b64(new byte[32]) + "\n");
    assertThat(submit(witnessToken, badProof).statusCode()).isEqualTo(422);
    assertThat(witnessedSize(test.origin)).isEqualTo(5);

    // Every refusal by a signed-in submitter is in the witness's audit trail.
    assertThat(witnessAuditOutcomes(test.origin)).contains("error", "success");
  }

  @Test
  void addCheckpoint_concurrentSubmissionsFromTheSameSize_oneWins_noneRollsBack() throws Exception {
    TestLog test = new TestLog("test.example/race", "c").grow(30);
    assertThat(registerOnWitness(test.origin, test.verifierKey()).status()).isEqualTo(201);
    assertThat(submit(witnessToken, test.request(0, 4)).statusCode()).isEqualTo(200);

    List<Callable<HttpResponse<String>>> racers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String body = test.request(4, 10 + i);
      racers.add(() -> submit(witnessToken, body));
    }
    List<HttpResponse<String>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (Future<HttpResponse<String>> f : pool.invokeAll(racers)) {
        answers.add(f.get());
      }
    }

    List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
    assertThat(statuses).containsOnly(200, 409);
    assertThat(statuses).containsOnlyOnce(200);
    int winner = 10 + statuses.indexOf(200);
    assertThat(witnessedSize(test.origin)).isEqualTo(winner);
    answers.stream()
        .filter(a -> a.statusCode() == 409)
        .forEach(a -> assertThat(a.body()).isEqualTo(winner + "\n"));
    // The log goes on from the winner.
    assertThat(submit(witnessToken, test.request(winner, 30)).statusCode()).isEqualTo(200);
    assertThat(witnessedSize(test.origin)).isEqualTo(30);
  }

  // --- helpers -------------------------------------------------------------------------------

  private static String name(String verifierKey) {
    return verifierKey.substring(0, verifierKey.indexOf('+'));
  }

  private Answer registerOnWitness(String origin, String key) throws Exception {
    return witnessAdmin.post(
        "/api/v1/witness/logs",
        ApiClient.JSON.createObjectNode().put("origin", origin).put("key", key));
  }

  private HttpResponse<String> submit(String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(witness.base + "/api/v1/witness/add-checkpoint"))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return witness.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A checkpoint of {@code other}'s first {@code size} leaves, signed with {@code log}'s key. */
  private static String sign(TestLog log, TestLog other, int size) throws Exception {
    return log.sign(log.origin + "\n" + size + "\n" + TestLog.b64(other.root(size)) + "\n");
  }

  /** From 5 to 9 of a history that rewrote leaf 3, with that history's own (valid) proof. */
  private static String inconsistentRequest(TestLog test) throws Exception {
    TestLog rewritten = new TestLog(test.origin, "z").grow(9);
    String body = rewritten.request(5, 9);
    String proof = body.substring("old 5\n".length(), body.indexOf("\n\n") + 1);
    return "old 5\n" + proof + "\n" + sign(test, rewritten, 9);
  }

  private long witnessedSize(String origin) throws Exception {
    for (JsonNode l : witnessAdmin.get("/api/v1/witness/logs").body()) {
      if (l.path("origin").asText().equals(origin)) {
        return l.path("treeSize").asLong();
      }
    }
    throw new AssertionError("not witnessed: " + origin);
  }

  private Set<String> witnessAuditOutcomes(String origin) throws Exception {
    Set<String> outcomes = new java.util.TreeSet<>();
    for (long from = 1; ; from += 1000) {
      JsonNode page = witnessAdmin.get("/api/v1/audit/events?from=" + from + "&limit=1000").body();
      for (JsonNode e : page) {
        if (e.path("action").asText().equals("witness.cosign")
            && e.path("object").path("id").asText().equals(origin)) {
          outcomes.add(e.path("outcome").asText());
        }
      }
      if (page.size() < 1000) {
        return outcomes;
      }
    }
  }

  private void makeActivity(String name) throws Exception {
    Answer ws =
        logAdmin.post(
            "/api/v1/workspaces",
            ApiClient.JSON.createObjectNode().put("name", name).put("classification", "internal"));
    assertThat(ws.status()).as(ws.body().toString()).isEqualTo(201);
  }

  /** Waits until A's newest checkpoint carries the witness's cosignature. */
  private String cosignedCheckpoint() throws Exception {
    return waitFor(
        () -> {
          HttpResponse<String> note = logAdmin.getText("/api/v1/audit/checkpoint");
          return note.statusCode() == 200 ? note.body() : "";
        },
        "\u2014 " + name(witnessKey) + " ");
  }

  private static String waitFor(Callable<String> fetch, String containing) throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (true) {
      String text = fetch.call();
      if (text.contains(containing)) {
        return text;
      }
      assertThat(System.currentTimeMillis())
          .as("nothing containing %s in time; last: %s", containing, text)
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}
