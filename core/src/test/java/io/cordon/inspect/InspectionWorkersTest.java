package io.cordon.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InspectionWorkersTest {
  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void submit_text_verdictWithFindings() throws Exception {
    try (InspectionWorkers workers =
        new InspectionWorkers(
            new PlainTextExtractor(), Inspector.standard(), Duration.ofMinutes(1), 2, 4)) {
      Extraction e = workers.submit(() -> text("SSN: 078-05-1123 on file"), "a.txt").get();
      assertThat(e.status()).isEqualTo(Extraction.Status.COMPLETE);
      assertThat(e.inspection().orElseThrow().findings()).hasSize(1);
    }
  }

  @Test
  void submit_poolAndQueueFull_busyAtOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    try (InspectionWorkers workers =
        new InspectionWorkers(
            new PlainTextExtractor(), Inspector.standard(), Duration.ofMinutes(1), 1, 1)) {
      CompletableFuture<Extraction> running =
          workers.submit(() -> blocked(started, release), "held.txt");
      started.await(30, TimeUnit.SECONDS);
      CompletableFuture<Extraction> queued = workers.submit(() -> text("queued"), "q.txt");
      assertThatThrownBy(() -> workers.submit(() -> text("third"), "t.txt"))
          .isInstanceOf(InspectionWorkers.Busy.class)
          .hasMessageContaining("busy");
      release.countDown();
      assertThat(running.get().status()).isEqualTo(Extraction.Status.COMPLETE);
      assertThat(queued.get().status()).isEqualTo(Extraction.Status.COMPLETE);
    }
  }

  @Test
  void submit_storageFails_futureFailsWithTheIoError() {
    try (InspectionWorkers workers =
        new InspectionWorkers(
            new PlainTextExtractor(), Inspector.standard(), Duration.ofMinutes(1), 1, 1)) {
      CompletableFuture<Extraction> f =
          workers.submit(
              () -> {
                throw new UncheckedIOException(new IOException("blob missing"));
              },
              "gone.txt");
      assertThatThrownBy(f::get)
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(UncheckedIOException.class);
    }
  }

  private static InputStream blocked(CountDownLatch started, CountDownLatch release) {
    return new InputStream() {
      private boolean done;

      @Override
      public int read() throws IOException {
        started.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
        if (done) {
          return -1;
        }
        done = true;
        return 'x';
      }
    };
  }
}
