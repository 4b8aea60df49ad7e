package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.context.RequestContext;
import io.cordon.server.e2e.ApiClient.Answer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit search and export over HTTPS against a real installation: filters select what they say, the
 * keyset cursor pages without gaps or repeats, exports stream every matching event (JSON Lines with
 * verifiable leaves, CSV with formula cells defused) and are themselves audited, only auditors and
 * administrators may search or export, and hostile parameters get a 400 naming them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchEndToEndIT {
  private static final String HOSTILE_NAME = "=HYPERLINK(\"evil.example\",\"x\"),-1+1.txt";

  TestInstallation cordon;
  ApiClient admin;
  ApiClient partner;
  String workspace;
  String fileId;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    cordon = TestInstallation.start(dir.resolve("data"), Map.of());
    admin = cordon.client();
    assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
        .isEqualTo(200);
    Answer ws =
        admin.post("/api/v1/workspaces", ApiClient.JSON.createObjectNode().put("name", "search"));
    workspace = ws.body().path("id").asText();
    Answer up = admin.upload(workspace, HOSTILE_NAME, "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(up.status()).as(up.body().toString()).isEqualTo(201);
    fileId = up.body().path("id").asText();
    assertThat(admin.download(fileId).statusCode()).isEqualTo(200);
    partner = partner();
    // Enough audited reads that an export spans several store pages and a search several pages.
    RequestContext op = cordon.node().installation().operatorContext();
    for (int i = 0; i < 1050; i++) {
      cordon.node().audit().checkpointKey(op);
    }
  }

  @AfterAll
  void stop() throws Exception {
    cordon.close();
  }

  @Test
  void events_filters_selectExactlyTheMatchingEvents() throws Exception {
    List<JsonNode> uploads = all("action=file.upload&object=" + fileId);
    assertThat(uploads).hasSize(1);
    assertThat(uploads.getFirst().path("object").path("name").asText()).isEqualTo(HOSTILE_NAME);

    List<JsonNode> ofFile = all("action=file.*&object=" + fileId);
    assertThat(ofFile)
        .extracting(e -> e.path("action").asText())
        .contains("file.upload", "file.download")
        .allMatch(a -> a.startsWith("file."));

    assertThat(partner.get("/api/v1/audit/events").status()).isEqualTo(403);
    List<JsonNode> denied = all("actor=QA@WITNESS.EXAMPLE&outcome=denied&action=audit.read");
    assertThat(denied).isNotEmpty();
    assertThat(denied)
        .allSatisfy(
            e -> {
              assertThat(e.path("actor").path("username").asText()).isEqualTo("qa@witness.example");
              assertThat(e.path("outcome").asText()).isEqualTo("denied");
            });
    assertThat(all("workspace=" + workspace + "&outcome=error")).isEmpty();
  }

  @Test
  void events_keysetCursor_pagesWithoutGapsOrRepeats() throws Exception {
    List<Long> paged = new ArrayList<>();
    String next = "/api/v1/audit/events?action=audit.proof&limit=400";
    int pages = 0;
    while (next != null) {
      Answer page = admin.get(next);
      assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
      page.body().forEach(e -> paged.add(e.path("seq").asLong()));
      pages++;
      next =
          page.raw()
              .headers()
              .firstValue("Link")
              .map(l -> l.substring(1, l.indexOf('>')))
              .orElse(null);
      if (next != null) {
        String cursor = page.raw().headers().firstValue("Cordon-Next-From").orElseThrow();
        assertThat(next).contains("from=" + cursor).contains("action=audit.proof");
      }
    }
    assertThat(pages).isGreaterThanOrEqualTo(3);
    assertThat(paged).hasSizeGreaterThanOrEqualTo(1050).doesNotHaveDuplicates().isSorted();
    long last = paged.getLast();
    Answer past = admin.get("/api/v1/audit/events?from=" + (last + 1_000_000_000L));
    assertThat(past.status()).isEqualTo(200);
    assertThat(past.body()).isEmpty();
    assertThat(past.raw().headers().firstValue("Link")).isEmpty();
  }

  @Test
  void events_hostileParameters_400NamingTheParameter() throws Exception {
    Map<String, String> cases =
        Map.ofEntries(
            Map.entry("since=yesterday", "'since'"),
            Map.entry("until=2026-11-22T18:00:00", "'until'"),
            Map.entry("since=2026-11-23T00:00:00Z&until=2026-11-22T00:00:00Z", "'until'"),
            Map.entry("limit=0", "'limit'"),
            Map.entry("limit=-5", "'limit'"),
            Map.entry("limit=1001", "'limit'"),
            Map.entry("limit=99999999999999999999", "'limit'"),
            Map.entry("outcome=maybe", "'outcome'"),
            Map.entry("action=" + enc("file.download' OR '1'='1"), "'action'"),
            Map.entry("action=" + enc("x.y;DROP TABLE audit_events"), "'action'"),
            Map.entry("from=0", "'from'"),
            Map.entry("from=5&to=3", "'to'"),
            Map.entry("acter=bob", "'acter'"),
            Map.entry("actor=a&actor=b", "'actor'"),
            Map.entry("workspace=../x", "'workspace'"),
            Map.entry("actor=", "'actor'"));
    for (Map.Entry<String, String> c : cases.entrySet()) {
      for (String path : List.of("/api/v1/audit/events?", "/api/v1/audit/export?")) {
        Answer a = admin.get(path + c.getKey());
        assertThat(a.status()).as(path + c.getKey() + " → " + a.body()).isEqualTo(400);
        assertThat(a.raw().headers().firstValue("Content-Type").orElse(""))
            .startsWith("application/problem+json");
        assertThat(a.problemType()).endsWith("/invalid-input");
        assertThat(a.body().path("detail").asText()).as(c.getKey()).contains(c.getValue());
      }
    }
    assertThat(admin.get("/api/v1/audit/export?format=xml").body().path("detail").asText())
        .contains("'format'");
  }

  @Test
  void exportJsonl_streamsEveryMatchingEventWithLeaf_andIsAuditedWithFilterAndCount()
      throws Exception {
    HttpResponse<String> r = admin.getText("/api/v1/audit/export?format=jsonl&action=audit.proof");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/x-ndjson");
    List<String> lines = r.body().lines().toList();
    long count = Long.parseLong(r.headers().firstValue("Cordon-Export-Count").orElseThrow());
    assertThat(lines).hasSize((int) count).hasSizeGreaterThanOrEqualTo(1050);
    long previous = 0;
    for (String line : lines) {
      JsonNode e = ApiClient.JSON.readTree(line);
      assertThat(e.path("action").asText()).isEqualTo("audit.proof");
      assertThat(e.path("seq").asLong()).isGreaterThan(previous);
      previous = e.path("seq").asLong();
      ObjectNode withoutLeaf = e.deepCopy();
      withoutLeaf.remove("leaf");
      assertThat(ApiClient.JSON.readTree(Base64.getDecoder().decode(e.path("leaf").asText())))
          .isEqualTo(withoutLeaf);
    }

    List<JsonNode> exports = all("action=audit.export&outcome=success");
    JsonNode audited = exports.getLast();
    assertThat(audited.path("details").path("count").asLong()).isEqualTo(count);
    assertThat(audited.path("details").path("format").asText()).isEqualTo("jsonl");
    assertThat(audited.path("details").path("filter").path("action").asText())
        .isEqualTo("audit.proof");
    assertThat(audited.path("actor").path("username").asText()).isEqualTo(TestInstallation.ADMIN);
  }

  @Test
  void exportCsv_headerFixedColumnsAndFormulaCellsDefused() throws Exception {
    HttpResponse<String> r = admin.getText("/api/v1/audit/export?format=csv&object=" + fileId);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<List<String>> rows = Rfc4180.parse(r.body());
    List<String> header = rows.getFirst();
    assertThat(header).startsWith("seq", "time", "actor_user", "actor_username").endsWith("leaf");
    List<List<String>> events = rows.subList(1, rows.size());
    assertThat(events)
        .hasSize(Integer.parseInt(r.headers().firstValue("Cordon-Export-Count").orElseThrow()));
    int name = header.indexOf("object_name");
    int leaf = header.indexOf("leaf");
    assertThat(events)
        .allSatisfy(
            row -> {
              assertThat(row).hasSize(header.size());
              assertThat(row.get(name)).isEqualTo("'" + HOSTILE_NAME);
              String json =
                  new String(Base64.getDecoder().decode(row.get(leaf)), StandardCharsets.UTF_8);
              assertThat(json).startsWith("{\"seq\":" + row.get(0) + ",");
            });
    assertThat(r.body()).doesNotContain("\r\n=").doesNotContain(",=");
  }

  @Test
  void export_partnerOrAnonymous_refusedAndTheRefusalAudited() throws Exception {
    Answer denied = partner.get("/api/v1/audit/export");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.problemType()).endsWith("/denied");
    assertThat(cordon.client().get("/api/v1/audit/export").status()).isEqualTo(401);
    assertThat(all("action=audit.export&outcome=denied&actor=qa@witness.example")).isNotEmpty();
  }

  @Test
  void export_emptyResult_headerOnlyCsvAndZeroCount() throws Exception {
    HttpResponse<String> r =
        admin.getText("/api/v1/audit/export?format=csv&action=nothing.matches");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cordon-Export-Count")).contains("0");
    assertThat(Rfc4180.parse(r.body())).hasSize(1);
  }

  // --- helpers -------------------------------------------------------------------------------

  /** Every event matching the query, following the cursor. */
  private List<JsonNode> all(String query) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    String from = "1";
    while (from != null) {
      Answer page = admin.get("/api/v1/audit/events?limit=1000&from=" + from + "&" + query);
      assertThat(page.status()).as(query + " → " + page.body()).isEqualTo(200);
      page.body().forEach(out::add);
      from = page.raw().headers().firstValue("Cordon-Next-From").orElse(null);
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private ApiClient partner() throws Exception {
    admin.post(
        "/api/v1/organisations",
        ApiClient.JSON.createObjectNode().put("name", "Witness Ltd").put("kind", "partner"));
    admin.post(
        "/api/v1/users",
        ApiClient.JSON
            .createObjectNode()
            .put("username", "qa@witness.example")
            .put("org", "Witness Ltd")
            .put("password", "witness password 123"));
    ApiClient p = cordon.client();
    assertThat(p.login("qa@witness.example", "witness password 123").status()).isEqualTo(200);
    return p;
  }
}
