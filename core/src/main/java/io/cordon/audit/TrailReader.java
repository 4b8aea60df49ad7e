package io.cordon.audit;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reads a trail for {@link TrailVerifier} on a thread of its own, one page ahead: while the
 * verifier hashes a page, the next is already being read, so reading and hashing overlap on two
 * cores. Every read, not only the pages, runs on that one thread, as the transaction's connection
 * must never be used by two threads at once.
 *
 * <p>Used by one verifier thread; {@link #close()} stops the reading thread.
 */
final class TrailReader implements AutoCloseable {
  private final AuditLog log;
  private final Checkpoints checkpoints;
  private final int pageSize;
  private final ExecutorService reads =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("cordon-verify-reader").daemon().factory());
  private Future<List<AuditRecord>> ahead;
  private long aheadFrom;

  TrailReader(AuditLog log, Checkpoints checkpoints, int pageSize) {
    this.log = log;
    this.checkpoints = checkpoints;
    this.pageSize = pageSize;
  }

  long lastSeq() {
    return call(log::lastSeq);
  }

  byte[] headChain() {
    return call(log::headChain);
  }

  /** Records from {@code fromSeq}, a page at most; starts reading the page after it. */
  List<AuditRecord> page(long fromSeq) {
    List<AuditRecord> page =
        ahead != null && aheadFrom == fromSeq
            ? await(ahead)
            : call(() -> log.records(fromSeq, pageSize));
    ahead = null;
    if (page.size() == pageSize) {
      aheadFrom = page.getLast().seq() + 1;
      long from = aheadFrom;
      ahead = reads.submit(() -> log.records(from, pageSize));
    }
    return page;
  }

  /** Whether anything is stored after {@code seq}. */
  boolean anyAfter(long seq) {
    return !call(() -> log.records(seq + 1, 1)).isEmpty();
  }

  List<StoredCheckpoint> checkpoints(long fromSize, int limit) {
    return call(() -> checkpoints.list(fromSize, limit));
  }

  private <T> T call(Callable<T> read) {
    return await(reads.submit(read));
  }

  private static <T> T await(Future<T> read) {
    try {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the trail", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("reading the trail failed", e.getCause());
    }
  }

  /** Stops the reader after any read in progress (which must end before the transaction does). */
  @Override
  public void close() {
    reads.shutdownNow();
    try {
      reads.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
