package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import io.cordon.server.e2e.ApiClient.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI's journeys in a real browser (Debian's Chromium, headless, driven by Playwright)
 * against a real node over real TLS: sign-in with TOTP, passkey enrolment and sign-in through
 * Chromium's virtual authenticator, a resumable tus upload with its progress bar and verified
 * SHA-256, sharing with a partner who signs in in a second browser and whose download appears in
 * the owner's activity, the view-only viewer, one-click revoke, session expiry, CSP and CSRF.
 * axe-core checks the main pages for serious or critical accessibility violations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiEndToEndIT {
  private static final String PARTNER_PASSWORD = "partner password 123";

  TestInstallation cordon;
  Chromium chromium;
  ApiClient admin;
  String workspace;
  final List<String> a11y = new ArrayList<>();
  final List<Page> open = new ArrayList<>();

  /** On failure, a screenshot of every page the test opened, to see what the browser saw. */
  @RegisterExtension
  final TestExecutionExceptionHandler screenshots =
      (context, failure) -> {
        Path dir = Path.of("target", "ui-failures");
        java.nio.file.Files.createDirectories(dir);
        for (int i = 0; i < open.size(); i++) {
          try {
            open.get(i)
                .screenshot(
                    new Page.ScreenshotOptions()
                        .setPath(dir.resolve(context.getDisplayName() + "-" + i + ".png")));
          } catch (RuntimeException e) {
            failure.addSuppressed(e);
          }
        }
        throw failure;
      };

  @org.junit.jupiter.api.BeforeEach
  void forget() {
    open.clear();
  }

  private Page newPage(BrowserContext context) {
    Page p = context.newPage();
    open.add(p);
    return p;
  }

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    cordon =
        TestInstallation.start(
            dir.resolve("data"),
            Map.of(
                "CORDON_SHARING_ALLOWED_DOMAINS",
                "sponsor.example",
                // A browser cannot fix the hour it runs at; ObligationsEndToEndIT covers these.
                "CORDON_POLICY_DIR",
                TestInstallation.defaultPolicyWithout(
                        dir.resolve("policies"),
                        "off-hours-restricted-justification",
                        "weekend-restricted-justification")
                    .toString()));
    chromium = Chromium.launch(cordon.dataDir, cordon.base);
    admin = cordon.client();
    assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
    Answer ws =
        admin.post(
            "/api/v1/workspaces",
            ApiClient.JSON
                .createObjectNode()
                .put("name", "Batch records")
                .put("classification", "confidential"));
    assertThat(ws.status()).as(ws.body().toString()).isEqualTo(201);
    workspace = ws.body().path("id").asText();
    admin.post(
        "/api/v1/organisations",
        ApiClient.JSON.createObjectNode().put("name", "Sponsor Ltd").put("kind", "partner"));
  }

  @AfterAll
  void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    cordon.close();
    // Collected across the journeys, so every main page is checked once it is populated.
    assertThat(a11y).as("serious or critical accessibility violations").isEmpty();
  }

  @Test
  void signIn_withTotp_landsOnWorkspacesWithStrictHeaders() throws Exception {
    String user = "qa.totp@home.example";
    String secret = enrolTotp(user);
    Page page = newPage(chromium.context(1280, 800));
    Response login = page.navigate("/ui/login");
    check(page, "sign-in");
    String csp = login.headers().get("content-security-policy");
    assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'");
    assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(login.headers().get("x-frame-options")).isEqualTo("DENY");

    UiJourneys.signIn(page, user, TestInstallation.PASSWORD);
    page.locator("#totp-code").fill(AuthEndToEndIT.totp(secret, Instant.now()));
    page.locator("#second-factor button[type=submit]").click();
    page.waitForURL("**/ui");
    assertThat(page.locator("h1").textContent()).isEqualTo("Workspaces");
    assertThat(page.locator(".user").textContent()).isEqualTo(user);
    page.navigate("/ui/account");
    assertThat(page.locator("main").textContent()).contains("password+totp");
    check(page, "security");
  }

  @Test
  void passkey_enrolledThroughVirtualAuthenticator_thenSignsIn() throws Exception {
    String user = "qa.passkey@home.example";
    createUser(user, "Home", TestInstallation.PASSWORD);
    Page page = newPage(chromium.context(1280, 800));
    CDPSession cdp = page.context().newCDPSession(page);
    cdp.send("WebAuthn.enable");
    JsonObject options = new JsonObject();
    options.addProperty("protocol", "ctap2");
    options.addProperty("transport", "internal");
    options.addProperty("hasResidentKey", true);
    options.addProperty("hasUserVerification", true);
    options.addProperty("isUserVerified", true);
    options.addProperty("automaticPresenceSimulation", true);
    JsonObject args = new JsonObject();
    args.add("options", options);
    cdp.send("WebAuthn.addVirtualAuthenticator", args);

    UiJourneys.signIn(page, user, TestInstallation.PASSWORD);
    page.waitForURL("**/ui");
    page.navigate("/ui/account");
    page.getByLabel("Name for this passkey").fill("Test laptop");
    page.getByText("Add a passkey").click();
    page.waitForSelector("#passkey-list li");
    assertThat(page.locator("#passkey-list").textContent()).contains("Test laptop");

    // Mid-task step-up: restricted content leaves the corporate network only for a
    // phishing-resistant factor. This session signed in with a password, so the download first
    // shows the step-up page; the passkey proves it and the download goes ahead.
    String restricted = restrictedFileFor(user);
    page.navigate("/ui/files/" + restricted);
    page.locator("a[href$='/download']").click();
    page.waitForSelector("[data-action=step-up-reload]");
    assertThat(page.locator("h1").textContent()).isEqualTo("Confirm it is you");
    check(page, "step-up");
    page.locator("[data-action=step-up-reload]").click();
    page.waitForSelector("#step-up[open]");
    Download stepped =
        page.waitForDownload(() -> page.locator("[data-action=step-up-passkey]").click());
    assertThat(java.nio.file.Files.readString(stepped.path())).isEqualTo("clinical lot 7\n");
    page.navigate("/ui/account");

    page.locator("[data-action=sign-out]").click();
    page.waitForURL("**/ui/login?why=signed-out");
    assertThat(page.locator(".notice").textContent()).contains("signed out");
    UiJourneys.signIn(page, user, TestInstallation.PASSWORD);
    page.locator("[data-action=login-passkey]").click();
    page.waitForURL("**/ui");
    page.navigate("/ui/account");
    assertThat(page.locator("main").textContent()).contains("webauthn");
  }

  @Test
  void upload_dragAndDropTus_progressReachesFullAndSha256Shown() throws Exception {
    Page page = signedInAdmin();
    page.navigate("/ui/workspaces/" + workspace);
    check(page, "workspace");
    // Larger than one 8 MiB tus chunk, so the upload takes two PATCH requests.
    byte[] content = new byte[9 * 1024 * 1024 + 123];
    new Random(7).nextBytes(content);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    // The connection drops during the second chunk: the page must ask the server where the upload
    // stands (HEAD) and resume from there rather than start again.
    java.util.concurrent.atomic.AtomicInteger patches =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger heads =
        new java.util.concurrent.atomic.AtomicInteger();
    page.route(
        "**/api/v1/uploads/*",
        route -> {
          String method = route.request().method();
          if (method.equals("HEAD")) {
            heads.incrementAndGet();
          }
          if (method.equals("PATCH") && patches.incrementAndGet() == 2) {
            route.abort("connectionreset");
          } else {
            route.resume();
          }
        });
    page.setInputFiles(
        "#file-input", new FilePayload("stability-data.bin", "application/octet-stream", content));
    page.waitForSelector(".upload-item.done");
    var bar = page.locator(".upload-item progress");
    assertThat(bar.getAttribute("value")).isNotNull();
    assertThat(
            page.evaluate(
                "() => { const p = document.querySelector('.upload-item progress');"
                    + " return p.value === p.max && p.max === "
                    + content.length
                    + "; }"))
        .isEqualTo(true);
    assertThat(page.locator(".upload-item .status").textContent())
        .contains(sha)
        .contains("verified");
    assertThat(patches.get()).as("two chunks, one of them sent twice").isEqualTo(3);
    assertThat(heads.get()).as("asked where to resume").isPositive();
    page.waitForSelector("table.files tr[data-file='stability-data.bin']");
    assertThat(
            page.locator("table.files tr[data-file='stability-data.bin'] code")
                .getAttribute("data-sha256"))
        .isEqualTo(sha);
    // The server holds exactly these bytes.
    String id =
        admin.get("/api/v1/workspaces/" + workspace + "/files").body().findValues("name").stream()
                .anyMatch(n -> n.asText().equals("stability-data.bin"))
            ? fileId("stability-data.bin")
            : null;
    assertThat(id).isNotNull();
    assertThat(admin.download(id).body()).isEqualTo(content);
  }

  @Test
  void share_partnerDownloads_activityShowsIt_thenRevokeStopsTheNextRequest() throws Exception {
    String partnerUser = "qa@sponsor.example";
    createUser(partnerUser, "Sponsor Ltd", PARTNER_PASSWORD);
    byte[] content = "Certificate of analysis, lot 42\n".getBytes(StandardCharsets.UTF_8);
    String file = upload("coa-lot-42.txt", content);

    Page owner = signedInAdmin();
    owner.navigate("/ui/files/" + file);
    check(owner, "file");
    owner.locator("[data-action=open-share]").click();
    owner.locator("#share-recipients").fill(partnerUser);
    owner.getByLabel("Download limit").fill("3");
    owner.getByLabel("Download limit").press("Tab");
    owner.waitForSelector("#share-preview li[data-decision]");
    assertThat(owner.locator("#share-preview").textContent())
        .contains(partnerUser)
        .contains("partner user");
    check(owner, "share dialog");
    owner.locator("#share-form button[type=submit]").click();
    owner.waitForSelector("#shares .recipient");
    assertThat(owner.locator("#shares").textContent()).contains(partnerUser);

    BrowserContext partnerBrowser = chromium.context(1280, 800);
    Page partner = newPage(partnerBrowser);
    UiJourneys.signIn(partner, partnerUser, PARTNER_PASSWORD);
    partner.waitForURL("**/ui");
    assertThat(partner.locator("main").textContent()).contains("coa-lot-42.txt");
    check(partner, "partner home");
    Download download =
        partner.waitForDownload(() -> partner.locator("a[href$='/download']").first().click());
    assertThat(java.nio.file.Files.readAllBytes(download.path())).isEqualTo(content);

    owner.locator("#activity-title + button, button:text('Refresh')").first().click();
    owner.waitForSelector(
        "#activity li[data-action='file.download'][data-who='" + partnerUser + "']");
    String line =
        owner
            .locator("#activity li[data-action='file.download'][data-who='" + partnerUser + "']")
            .first()
            .textContent();
    assertThat(line).contains("downloaded").contains(content.length + " B delivered");

    owner.locator("[data-action=revoke]").click();
    owner.waitForSelector("#shares .badge.bad");
    assertThat(status(partner, "GET", "/api/v1/files/" + file + "/content", null, false))
        .isIn(403, 404, 410);
    partner.navigate("/ui/shares");
    assertThat(partner.locator("main").textContent()).contains("Revoked");
    partnerBrowser.close();
  }

  @Test
  void viewOnlyShare_viewerShowsWatermarkedPages_noDownloadControl() throws Exception {
    String partnerUser = "viewer@sponsor.example";
    createUser(partnerUser, "Sponsor Ltd", PARTNER_PASSWORD);
    String file =
        upload(
            "batch-record-0311.txt",
            "Batch record 0311\nStep 1: dispense\nStep 2: blend\n"
                .getBytes(StandardCharsets.UTF_8));
    Answer share =
        admin.post(
            "/api/v1/files/" + file + "/shares",
            ApiClient.JSON.readTree(
                "{\"recipients\": [\"" + partnerUser + "\"], \"viewOnly\": true}"));
    assertThat(share.status()).as(share.body().toString()).isEqualTo(201);
    String shareId = share.body().path("id").asText();

    BrowserContext browser = chromium.context(1280, 800);
    Page partner = newPage(browser);
    UiJourneys.signIn(partner, partnerUser, PARTNER_PASSWORD);
    partner.waitForURL("**/ui");
    assertThat(partner.locator("a[href$='/download'], a[href*='/content']").count()).isZero();
    partner.locator("a[href$='/view']").first().click();
    partner.waitForSelector(".viewer img");
    assertThat(partner.locator(".watermark").textContent())
        .contains(partnerUser)
        .contains("share " + shareId);
    assertThat(
            partner.locator("a[href$='/download'], a[href*='/content'], a[href$='.pdf']").count())
        .isZero();
    assertThat(
            partner.evaluate(
                "async () => { const img = document.querySelector('.viewer img');"
                    + " await img.decode(); return img.naturalWidth; }"))
        .asString()
        .isNotEqualTo("0");
    assertThat(
            partner.evaluate(
                "async (u) => (await fetch(u)).headers.get('content-type')",
                "/ui/files/" + file + "/view/1"))
        .isEqualTo("image/png");
    check(partner, "viewer");
    // The raw content stays closed to a view-only recipient.
    assertThat(status(partner, "GET", "/api/v1/files/" + file + "/content", null, false))
        .isEqualTo(403);
    browser.close();
  }

  @Test
  void expiredSession_redirectsToSignIn_thenReturnsToThePage() throws Exception {
    Page page = signedInAdmin();
    String target = "/ui/workspaces/" + workspace;
    page.context()
        .addCookies(
            List.of(
                new com.microsoft.playwright.options.Cookie("cordon_session", "s_expired")
                    .setUrl(cordon.base)));
    page.navigate(target);
    assertThat(page.url()).contains("/ui/login").contains("why=expired");
    assertThat(page.locator(".notice").textContent()).contains("session has ended");
    UiJourneys.signIn(page, TestInstallation.ADMIN, TestInstallation.PASSWORD);
    page.waitForURL("**" + target);
    assertThat(page.locator("h1").textContent()).isEqualTo("Batch records");
  }

  @Test
  void stateChange_withoutCsrfToken_refused() throws Exception {
    Page page = signedInAdmin();
    page.navigate("/ui/shares");
    check(page, "shares");
    String file = upload("csrf-probe.txt", "x".getBytes(StandardCharsets.UTF_8));
    String body = "{\"name\": \"Forged\"}";
    // From the signed-in page itself, with the session cookie but without the token.
    assertThat(status(page, "POST", "/api/v1/workspaces", body, false)).isEqualTo(403);
    assertThat(
            page.evaluate(
                "async (u) => (await fetch(u, {method: 'POST', headers: {'Content-Type':"
                    + " 'application/x-www-form-urlencoded'}, body:"
                    + " 'recipients=someone%40sponsor.example'})).status",
                "/ui/files/" + file + "/share-preview"))
        .isEqualTo(403);
    assertThat(status(page, "POST", "/api/v1/workspaces", body, true)).isEqualTo(201);
  }

  /** A fetch from inside the page (its cookies, its origin), with or without the CSRF header. */
  private static int status(Page page, String method, String path, String json, boolean token) {
    Object s =
        page.evaluate(
            "async ([m, u, b, t]) => { const h = {'Content-Type': 'application/json'};"
                + " if (t) h['X-CSRF-Token'] = document.querySelector('meta[name=csrf-token]').content;"
                + " return (await fetch(u, {method: m, headers: h, body: b || undefined})).status; }",
            java.util.Arrays.asList(method, path, json, token));
    return ((Number) s).intValue();
  }

  private Page signedInAdmin() {
    Page page = newPage(chromium.context(1280, 800));
    UiJourneys.signIn(page, TestInstallation.ADMIN, TestInstallation.PASSWORD);
    page.waitForURL("**/ui");
    check(page, "workspaces");
    return page;
  }

  private void check(Page page, String name) {
    try {
      Chromium.seriousA11yViolations(page).forEach(v -> a11y.add(name + ": " + v));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void createUser(String username, String org, String password) throws Exception {
    Answer u =
        admin.post(
            "/api/v1/users",
            ApiClient.JSON
                .createObjectNode()
                .put("username", username)
                .put("email", username)
                .put("org", org)
                .put("password", password));
    assertThat(u.status()).as(u.body().toString()).isEqualTo(201);
    if (org.equals("Home")) {
      Answer m =
          admin.post(
              "/api/v1/workspaces/" + workspace + "/members",
              ApiClient.JSON.createObjectNode().put("user", username).put("role", "contributor"));
      assertThat(m.status()).as(m.body().toString()).isEqualTo(201);
    }
  }

  /** A restricted workspace with one file, the user a viewer of it; returns the file id. */
  private String restrictedFileFor(String username) throws Exception {
    Answer ws =
        admin.post(
            "/api/v1/workspaces",
            ApiClient.JSON
                .createObjectNode()
                .put("name", "Clinical")
                .put("classification", "restricted"));
    assertThat(ws.status()).as(ws.body().toString()).isEqualTo(201);
    String id = ws.body().path("id").asText();
    Answer m =
        admin.post(
            "/api/v1/workspaces/" + id + "/members",
            ApiClient.JSON.createObjectNode().put("user", username).put("role", "viewer"));
    assertThat(m.status()).as(m.body().toString()).isEqualTo(201);
    Answer up =
        admin.upload(id, "clinical.txt", "clinical lot 7\n".getBytes(StandardCharsets.UTF_8));
    assertThat(up.status()).as(up.body().toString()).isEqualTo(201);
    return up.body().path("id").asText();
  }

  private String enrolTotp(String username) throws Exception {
    createUser(username, "Home", TestInstallation.PASSWORD);
    ApiClient c = cordon.client();
    assertThat(c.login(username, TestInstallation.PASSWORD).status()).isEqualTo(200);
    String secret =
        c.post("/api/v1/auth/mfa/totp/enroll", ApiClient.JSON.createObjectNode())
            .body()
            .path("secret")
            .asText();
    Answer ok =
        c.post(
            "/api/v1/auth/mfa/totp/confirm",
            ApiClient.JSON
                .createObjectNode()
                .put("code", AuthEndToEndIT.totp(secret, Instant.now().minusSeconds(30))));
    assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
    return secret;
  }

  private String upload(String name, byte[] content) throws Exception {
    Answer up = admin.upload(workspace, name, content);
    assertThat(up.status()).as(up.body().toString()).isEqualTo(201);
    return up.body().path("id").asText();
  }

  private String fileId(String name) throws Exception {
    for (JsonNode f : admin.get("/api/v1/workspaces/" + workspace + "/files").body()) {
      if (f.path("name").asText().equals(name)) {
        return f.path("id").asText();
      }
    }
    return null;
  }
}
