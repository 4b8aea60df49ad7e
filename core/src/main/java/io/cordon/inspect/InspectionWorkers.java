package io.cordon.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The bounded pool that extracts and inspects files off the request thread: a fixed number of
 * worker threads and a bounded queue. When both are full, {@link #submit} fails at once with {@link
 * Busy} (the caller keeps the file pending and may retry) rather than queueing without bound.
 *
 * <p>The per-file time limit is enforced by the extractor itself ({@link ExtractionLimits#timeout}
 * stops reading and parsing at the deadline and abandons a parser that does not stop), so a worker
 * is free again shortly after the deadline whatever the file does. As a second guard, a job that
 * has not finished {@link #GRACE} after its deadline completes its future with a {@link
 * Extraction.Status#TRUNCATED} verdict. Thread-safe.
 */
public final class InspectionWorkers implements AutoCloseable {
  /** How long after its deadline a job's future is completed whatever the worker still does. */
  public static final Duration GRACE = Duration.ofSeconds(30);

  private final ContentExtractor extractor;
  private final Inspector inspector;
  private final Duration timeout;
  private final ThreadPoolExecutor pool;

  /**
   * @param extractor the extractor (carries its own limits)
   * @param inspector the detectors
   * @param timeout the extractor's per-file time limit (the second guard waits this plus {@link
   *     #GRACE})
   * @param workers worker threads (at least 1)
   * @param queue files that may wait for a worker (at least 1)
   */
  public InspectionWorkers(
      ContentExtractor extractor, Inspector inspector, Duration timeout, int workers, int queue) {
    if (workers < 1 || queue < 1) {
      throw new IllegalArgumentException("workers and queue must be at least 1");
    }
    this.extractor = extractor;
    this.inspector = inspector;
    this.timeout = timeout;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queue),
            r ->
                Thread.ofPlatform()
                    .daemon()
                    .name("cordon-inspect-" + n.incrementAndGet())
                    .unstarted(r),
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** The pool is full: every worker is busy and the queue is full. */
  public static final class Busy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Busy(int queued) {
      super("inspection is busy: " + queued + " files wait for a worker; try again later");
    }
  }

  /**
   * Extracts and inspects one file on a worker.
   *
   * @param content opens the file's bytes; called on the worker, the stream is closed after
   * @param fileName the uploader's name for the file (a hint only)
   * @return the verdict; completes exceptionally only when the content cannot be read (an {@link
   *     UncheckedIOException}) or the extractor failed unexpectedly
   * @throws Busy when the pool and its queue are full
   */
  public CompletableFuture<Extraction> submit(Supplier<InputStream> content, String fileName) {
    CompletableFuture<Extraction> result = new CompletableFuture<>();
    try {
      pool.execute(
          () -> {
            // The second guard counts from the start of the work, not from the queue.
            result.completeOnTimeout(
                new Extraction(
                    Extraction.Status.TRUNCATED,
                    "application/octet-stream",
                    "inspection did not finish within " + timeout.plus(GRACE).toSeconds() + " s",
                    Optional.empty()),
                timeout.plus(GRACE).toMillis(),
                TimeUnit.MILLISECONDS);
            try (InputStream in = content.get()) {
              result.complete(extractor.extract(in, fileName, inspector));
            } catch (IOException e) {
              result.completeExceptionally(new UncheckedIOException(e));
            } catch (RuntimeException | Error e) {
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      throw new Busy(pool.getQueue().size());
    }
    return result;
  }

  /** Files waiting for a worker now. */
  public int queued() {
    return pool.getQueue().size();
  }

  /** Workers extracting now. */
  public int active() {
    return pool.getActiveCount();
  }

  /** Stops taking files and waits briefly for those under way. */
  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
