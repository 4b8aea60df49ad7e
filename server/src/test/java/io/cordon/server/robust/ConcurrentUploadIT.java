package io.cordon.server.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Eight clients upload different content under the same name into the same workspace at once. What
 * Cordon promises: each upload becomes one complete version of the one file, numbered 1 to 8
 * without gaps or duplicates in whatever order they committed; every version downloads exactly the
 * bytes its uploader sent (nothing lost, nothing mixed up); the listing shows the file once, with
 * the newest version; the audit trail has one success per version. On SQLite and PostgreSQL.
 */
class ConcurrentUploadIT {
  private static final int UPLOADERS = 8;
  private static final String NAME = "batch record 2026-117.pdf";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Database.class)
  void upload_sameNameAtOnce_eachBecomesOneCompleteVersion(Database db) throws Exception {
    try (InProcessCordon cordon = InProcessCordon.start(dir.resolve("data"), db, Map.of())) {
      Client admin = cordon.admin();
      String ws = admin.workspace("concurrent");
      List<MarkedContent> contents =
          IntStream.range(0, UPLOADERS)
              .mapToObj(i -> new MarkedContent("UPLOADER-" + i, 3L * 1024 * 1024 + 4099L * i))
              .toList();

      List<Client.Answer> answers =
          atOnce(
              UPLOADERS,
              i -> admin.upload(ws, NAME, contents.get(i).length(), contents.get(i)::stream));

      // One file; versions 1..8, each given to exactly one uploader, whose content it holds.
      Map<Integer, MarkedContent> byVersion = new HashMap<>();
      String fileId = answers.getFirst().body().path("id").asText();
      for (int i = 0; i < UPLOADERS; i++) {
        Client.Answer a = answers.get(i);
        assertThat(a.status()).as("upload %s: %s", i, a).isEqualTo(201);
        assertThat(a.body().path("id").asText()).isEqualTo(fileId);
        assertThat(a.body().path("size").asLong()).isEqualTo(contents.get(i).length());
        assertThat(a.body().path("sha256").asText()).isEqualTo(contents.get(i).sha256());
        MarkedContent previous = byVersion.put(a.body().path("version").asInt(), contents.get(i));
        assertThat(previous).as("version %s given twice", a.body().path("version")).isNull();
      }
      assertThat(byVersion.keySet()).containsExactlyInAnyOrderElementsOf(versions());

      JsonNode details = admin.get("/api/v1/files/" + fileId).body();
      assertThat(details.path("versions"))
          .extracting(v -> v.path("version").asInt())
          .containsExactlyElementsOf(versions());
      for (JsonNode v : details.path("versions")) {
        MarkedContent expected = byVersion.get(v.path("version").asInt());
        assertThat(v.path("sha256").asText()).isEqualTo(expected.sha256());
        assertThat(v.path("size").asLong()).isEqualTo(expected.length());
      }
      for (int version : versions()) {
        assertThat(admin.download(fileId, version))
            .as("content of version %s", version)
            .isEqualTo(byVersion.get(version).bytes());
      }

      JsonNode listing = admin.files(ws);
      assertThat(listing).hasSize(1);
      assertThat(listing.get(0).path("version").asInt()).isEqualTo(UPLOADERS);
      assertThat(listing.get(0).path("sha256").asText())
          .isEqualTo(byVersion.get(UPLOADERS).sha256());

      List<JsonNode> all = admin.events();
      for (int i = 0; i < all.size(); i++) {
        assertThat(all.get(i).path("seq").asLong()).as("audit sequence").isEqualTo(i + 1L);
      }
      List<JsonNode> uploads = admin.events("file.upload", NAME);
      assertThat(uploads).hasSize(UPLOADERS);
      assertThat(uploads)
          .allSatisfy(e -> assertThat(e.path("outcome").asText()).isEqualTo("success"));
      for (JsonNode e : uploads) {
        int version = e.path("details").path("version").asInt();
        assertThat(e.path("details").path("sha256").asText())
            .as("audited hash of version %s", version)
            .isEqualTo(byVersion.get(version).sha256());
      }
      assertThat(uploads)
          .extracting(e -> e.path("details").path("version").asInt())
          .containsExactlyInAnyOrderElementsOf(versions());

      BlobDirectory blobs = new BlobDirectory(cordon.dataDir.resolve("blobs"));
      assertThat(blobs.temporaries()).isEmpty();
      assertThat(blobs.published()).hasSize(UPLOADERS);
    }
  }

  private static List<Integer> versions() {
    return IntStream.rangeClosed(1, UPLOADERS).boxed().toList();
  }

  /** A task that a test runs on several threads. */
  interface Task<T> {
    T run(int index) throws Exception;
  }

  /** Runs the task on {@code threads} platform threads released at the same moment. */
  static <T> List<T> atOnce(int threads, Task<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return task.run(index);
                }));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
