package io.cordon.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.server.e2e.ApiClient.Answer;
import io.cordon.testing.FreshPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A share's download limit against concurrent clients over TLS on PostgreSQL (SharingEndToEndIT
 * does the same on SQLite): of twelve simultaneous downloads by the recipient, exactly the limit
 * succeed, and the trail records exactly that many successful deliveries.
 */
class SharingPostgresIT {
  private static final String PASSWORD = "partner password 123";
  private static final String PARTNER = "qa@sponsor.example";

  @Test
  void concurrentDownloads_onPostgres_neverPassMaxDownloads(@TempDir Path dir) throws Exception {
    try (FreshPostgres db = FreshPostgres.create("sharing");
        TestInstallation cordon =
            TestInstallation.start(dir.resolve("data"), Map.of("CORDON_DB_URL", db.url()))) {
      ApiClient admin = cordon.client();
      assertThat(admin.login(TestInstallation.ADMIN, TestInstallation.PASSWORD).status())
          .isEqualTo(200);
      admin.post(
          "/api/v1/organisations",
          ApiClient.JSON.createObjectNode().put("name", "Sponsor Ltd").put("kind", "partner"));
      Answer u =
          admin.post(
              "/api/v1/users",
              ApiClient.JSON
                  .createObjectNode()
                  .put("username", PARTNER)
                  .put("org", "Sponsor Ltd")
                  .put("password", PASSWORD));
      assertThat(u.status()).as(u.body().toString()).isEqualTo(201);
      ApiClient partner = cordon.client();
      assertThat(partner.login(PARTNER, PASSWORD).status()).isEqualTo(200);
      String ws =
          admin
              .post("/api/v1/workspaces", ApiClient.JSON.createObjectNode().put("name", "pg"))
              .body()
              .path("id")
              .asText();
      String file =
          admin
              .upload(ws, "coa.txt", "lot 9".getBytes(StandardCharsets.UTF_8))
              .body()
              .path("id")
              .asText();
      ObjectNode share = ApiClient.JSON.createObjectNode().put("maxDownloads", 4);
      share.putArray("recipients").add(PARTNER);
      assertThat(admin.post("/api/v1/files/" + file + "/shares", share).status()).isEqualTo(201);

      ExecutorService pool = Executors.newFixedThreadPool(12);
      List<Integer> statuses = new ArrayList<>();
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          results.add(pool.submit((Callable<Integer>) () -> partner.download(file).statusCode()));
        }
        for (Future<Integer> f : results) {
          statuses.add(f.get());
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(statuses).filteredOn(s -> s == 200).hasSize(4);
      assertThat(statuses).filteredOn(s -> s == 410).hasSize(8);
      Answer activity = admin.get("/api/v1/files/" + file + "/activity?limit=1000");
      List<String> outcomes = new ArrayList<>();
      activity
          .body()
          .forEach(
              e -> {
                if (e.path("action").asText().equals("file.download")
                    && e.path("actor").path("username").asText().equals(PARTNER)) {
                  outcomes.add(e.path("outcome").asText());
                }
              });
      assertThat(outcomes).filteredOn("success"::equals).hasSize(4);
      assertThat(outcomes).filteredOn("denied"::equals).hasSize(8);
    }
  }
}
