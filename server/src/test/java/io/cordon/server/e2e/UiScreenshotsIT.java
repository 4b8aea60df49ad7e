package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.cordon.server.Node;
import io.cordon.server.Server;
import io.cordon.server.config.ConfigLoader;
import io.cordon.server.config.CordonConfig;
import io.cordon.server.demo.DemoWorld;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screenshots of each main page of the web UI over the seeded demo world, at 1280×800 and one at a
 * phone's width. Writes PNGs to {@code target/screenshots}, or to the directory in the system
 * property {@code cordon.screenshots} ({@code scripts/screenshots.sh} sets it to {@code
 * docs/screenshots}). As a test it also proves each main page renders populated for a real user.
 */
class UiScreenshotsIT {
  @Test
  void mainPages_demoWorld_screenshotsWritten(@TempDir Path dir) throws Exception {
    Path out =
        Paths.get(System.getProperty("cordon.screenshots", "target/screenshots")).toAbsolutePath();
    Files.createDirectories(out);
    Path data = dir.resolve("data");
    CordonConfig config = new ConfigLoader(Map.of()).load(data, Optional.empty());
    Node node = Node.create(config, Node.Unseal.none(), Clock.systemUTC());
    DemoWorld.seed(node, new PrintWriter(new StringWriter()));
    try (Server server =
            Server.start(
                node,
                new Server.Listen("127.0.0.1", 0, null, null),
                new PrintWriter(new StringWriter()));
        Chromium chromium = Chromium.launch(data, "https://localhost:" + server.port())) {
      BrowserContext qa = chromium.context(1280, 800);
      Page page = qa.newPage();
      page.navigate("/ui/login");
      shot(page, out, "01-sign-in");
      UiJourneys.signIn(page, "qa.lead@helix.example", DemoWorld.PASSWORD);
      page.waitForURL("**/ui");
      assertThat(page.locator(".tile").count()).isPositive();
      shot(page, out, "02-workspaces");
      page.locator(".tile-link").first().click();
      page.waitForSelector("table.files");
      shot(page, out, "03-workspace-files");
      page.locator("table.files .name a:has-text('CoA')").first().click();
      page.waitForSelector("#activity .timeline");
      String fileUrl = page.url();
      shot(page, out, "04-file-detail");
      page.locator("[data-action=open-share]").click();
      page.fill("#share-recipients", "sponsor.qa@northwind.example, cra@atlas.example");
      page.locator("#share-max").fill("2");
      page.locator("#share-max").press("Tab");
      page.waitForSelector("#share-preview li[data-decision]");
      shot(page, out, "05-share-dialog");
      page.keyboard().press("Escape");
      page.navigate(fileUrl + "/view");
      page.waitForSelector(".viewer img");
      page.waitForFunction("() => document.querySelector('.viewer img').complete");
      shot(page, out, "10-view-only-viewer");
      page.navigate("/ui/shares");
      shot(page, out, "06-shares");
      page.navigate("/ui/account");
      shot(page, out, "07-security");

      BrowserContext narrow = chromium.context(390, 844);
      Page phone = narrow.newPage();
      phone.navigate("/ui/login");
      UiJourneys.signIn(phone, "qa.lead@helix.example", DemoWorld.PASSWORD);
      phone.waitForURL("**/ui");
      phone.locator(".tile-link").first().click();
      phone.waitForSelector("table.files");
      shot(phone, out, "08-workspace-narrow");

      BrowserContext partner = chromium.context(1280, 800);
      Page p = partner.newPage();
      p.navigate("/ui/login");
      UiJourneys.signIn(p, "cra@atlas.example", DemoWorld.PASSWORD);
      p.waitForURL("**/ui");
      assertThat(p.locator("main").textContent()).contains("CoA HB-2026-0311.txt");
      shot(p, out, "09-partner-shared-with-me");
    }
  }

  private static void shot(Page page, Path dir, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")));
  }
}
