package io.cordon.server.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}) driven headless by Playwright for Java, never a
 * downloaded browser. The installation's TLS stays real: Chromium is told to accept exactly the
 * installation's own certificates by their public-key hashes ({@code
 * --ignore-certificate-errors-spki-list}), so pages are a secure context in which WebAuthn works,
 * and any other certificate is still refused.
 */
final class Chromium implements AutoCloseable {
  static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

  private final Playwright playwright;
  private final Browser browser;
  private final String base;

  private Chromium(Playwright playwright, Browser browser, String base) {
    this.playwright = playwright;
    this.browser = browser;
    this.base = base;
  }

  /** Launches Chromium trusting the certificates in {@code dataDir/tls}. */
  static Chromium launch(Path dataDir, String base) throws Exception {
    Playwright pw =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    List<String> args = new ArrayList<>();
    args.add("--no-sandbox");
    args.add("--disable-gpu");
    args.add("--disable-background-networking");
    args.add(
        "--ignore-certificate-errors-spki-list="
            + String.join(
                ",", spki(dataDir.resolve("tls/server.pem")), spki(dataDir.resolve("tls/ca.pem"))));
    Browser b =
        pw.chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(args));
    return new Chromium(pw, b, base);
  }

  /** A fresh browser profile (its own cookies) with the given window size. */
  BrowserContext context(int width, int height) {
    return browser.newContext(
        new Browser.NewContextOptions()
            .setBaseURL(base)
            .setViewportSize(width, height)
            .setLocale("en-GB")
            .setTimezoneId("UTC"));
  }

  Page page() {
    return context(1280, 800).newPage();
  }

  /** Runs the vendored axe-core in the page; returns its serious and critical violations. */
  static List<String> seriousA11yViolations(Page page) throws Exception {
    String axe;
    try (InputStream in = Chromium.class.getResourceAsStream("/axe/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // Injected by the test through the DevTools protocol, so the page's CSP does not apply.
    page.evaluate(axe);
    @SuppressWarnings("unchecked")
    List<String> found =
        (List<String>)
            page.evaluate(
                "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                    + " return r.violations.filter(v => v.impact === 'serious' || v.impact ==="
                    + " 'critical').map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n =>"
                    + " n.target.join(' ')).join(' | ')); }");
    return found;
  }

  private static String spki(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      X509Certificate cert =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded());
      return Base64.getEncoder().encodeToString(hash);
    }
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
