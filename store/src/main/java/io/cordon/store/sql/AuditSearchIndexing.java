package io.cordon.store.sql;

import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread that keeps the audit search copy ({@link AuditSearchIndex}) close behind
 * the trail: whenever events are waiting to be indexed, it submits one indexing batch after
 * another, each a piece of work in the store's group commit; when it has caught up it looks again
 * after a short pause. Searches are exact whatever the lag (they scan the unindexed tail), so the
 * pause only decides how long that tail may grow while the trail is quiet.
 *
 * <p>Thread-safe; {@link #close()} stops the thread after the batch it is running.
 */
final class AuditSearchIndexing implements AutoCloseable {
  /** Events per indexing transaction: large enough to share index pages, short enough to wait. */
  static final int BATCH = 2048;

  private static final long IDLE_MS = 250;
  private static final long AFTER_FAILURE_MS = 5_000;
  private static final Logger LOG = LoggerFactory.getLogger(AuditSearchIndexing.class);

  private final LongSupplier lag;
  private final IntUnaryOperator indexNext;
  private final Thread thread;
  private volatile boolean stopped;

  /**
   * @param lag how many events wait to be indexed (a read, outside the write path)
   * @param indexNext indexes up to that many events in one write transaction; returns how many
   */
  AuditSearchIndexing(String name, LongSupplier lag, IntUnaryOperator indexNext) {
    this.lag = lag;
    this.indexNext = indexNext;
    this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::runLoop);
    thread.start();
  }

  private void runLoop() {
    while (!stopped) {
      try {
        int done = lag.getAsLong() > 0 ? indexNext.applyAsInt(BATCH) : 0;
        if (done < BATCH) {
          Thread.sleep(IDLE_MS);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (stopped) {
          return;
        }
        // Searches stay exact without the indexer; try again later rather than spin.
        LOG.warn("indexing the audit trail for search failed: {}", e.toString());
        try {
          Thread.sleep(AFTER_FAILURE_MS);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /** Stops the thread; a batch it has submitted still commits or fails as a whole. */
  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
