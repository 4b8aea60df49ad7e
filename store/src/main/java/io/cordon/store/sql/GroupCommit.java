package io.cordon.store.sql;

import io.cordon.context.CordonException;
import io.cordon.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: write transactions submitted by any number of threads run on one writer thread, as
 * many as are waiting together in one database transaction, so that one durable commit (one fsync)
 * covers the whole batch. Each piece of work still commits or fails on its own: the batch runner
 * gives every piece a savepoint, and a piece that throws is rolled back to it while the others
 * commit. A caller returns only after the batch holding its work has committed.
 *
 * <p>Why: every audited operation appends to the one audit head, so writes serialise anyway; what
 * limits throughput is one commit per event. With batching, the head (and SQLite's write lock, or
 * PostgreSQL's head row lock) is held for one batch at a time and never across a client's network
 * or disk waits, which happen before or after, outside the batch.
 *
 * <p>Work must not start a transaction of its own (it would wait for the writer thread that runs
 * it); that is refused with an {@link IllegalStateException}. Thread-safe.
 */
final class GroupCommit implements AutoCloseable {
  /** The most pieces of work one database transaction holds. */
  static final int MAX_BATCH = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Consumer<List<Pending<?>>> batchRunner;
  private final Thread writer;
  private final LongAdder batches = new LongAdder();
  private final LongAdder pieces = new LongAdder();
  private volatile boolean closed;

  /**
   * @param batchRunner runs a batch in one transaction and completes every piece of it, whatever
   *     happens (see {@link Pending})
   */
  GroupCommit(String name, Consumer<List<Pending<?>>> batchRunner) {
    this.batchRunner = batchRunner;
    this.writer = Thread.ofPlatform().name(name).daemon().unstarted(this::runLoop);
    writer.start();
  }

  /** Runs the work in the next batch and returns its result once that batch has committed. */
  <T> T submit(Function<Transaction, T> work) {
    return submit(work, false);
  }

  /**
   * As {@link #submit(Function)}, for work that only appends rows and may be run again after its
   * rows were rolled back (an audit append): the batch runner may group such pieces behind one
   * savepoint, and rerun each behind its own only if the group fails.
   */
  <T> T submitRerunnable(Function<Transaction, T> work) {
    return submit(work, true);
  }

  private <T> T submit(Function<Transaction, T> work, boolean rerunnable) {
    if (Thread.currentThread() == writer) {
      throw new IllegalStateException(
          "a transaction was started inside another one; transactions must not be nested");
    }
    if (closed) {
      throw new IllegalStateException("metadata store is closed");
    }
    Pending<T> pending = new Pending<>(work, rerunnable);
    queue.add(pending);
    if (closed) {
      // close() may have drained the queue before this add; make sure nobody waits forever.
      failRemaining();
    }
    return pending.await();
  }

  private void runLoop() {
    List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
    while (!closed) {
      try {
        Pending<?> first = queue.take();
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        run(batch);
      } catch (InterruptedException e) {
        break;
      } finally {
        batch.clear();
      }
    }
    failRemaining();
  }

  /** How many batches ran so far, and how many pieces of work they held. */
  WriteBatchStats stats() {
    return new WriteBatchStats(batches.sum(), pieces.sum());
  }

  private void run(List<Pending<?>> batch) {
    batches.increment();
    pieces.add(batch.size());
    try {
      batchRunner.accept(batch);
    } catch (RuntimeException | Error e) {
      LOG.error("a write batch failed outside its transaction: {}", e.toString());
      for (Pending<?> p : batch) {
        p.failIfOpen(e);
      }
    }
  }

  private void failRemaining() {
    Pending<?> p;
    while ((p = queue.poll()) != null) {
      p.failIfOpen(new IllegalStateException("metadata store is closed"));
    }
  }

  /** Stops the writer after the batch it is running; work still queued fails. */
  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    failRemaining();
  }

  /**
   * One submitted piece of work and its outcome. The batch runner calls {@link #apply} inside the
   * transaction, then {@link #succeed()} after the commit, or {@link #fail} with the work's own
   * exception or the commit's.
   */
  static final class Pending<T> {
    private final Function<Transaction, T> work;
    private final boolean rerunnable;
    private final CompletableFuture<T> outcome = new CompletableFuture<>();
    private T result;
    private boolean failed;

    Pending(Function<Transaction, T> work, boolean rerunnable) {
      this.work = work;
      this.rerunnable = rerunnable;
    }

    /** Whether the work only appends rows and may run again after a rollback of them. */
    boolean isRerunnable() {
      return rerunnable;
    }

    void apply(Transaction tx) {
      result = work.apply(tx);
    }

    /** Records the work's own failure; the batch goes on without it. */
    void fail(Throwable cause) {
      failed = true;
      outcome.completeExceptionally(cause);
    }

    boolean isFailed() {
      return failed;
    }

    void succeed() {
      outcome.complete(result);
    }

    void failIfOpen(Throwable cause) {
      outcome.completeExceptionally(cause);
    }

    private T await() {
      try {
        return outcome.join();
      } catch (CompletionException e) {
        // Rethrow what the work (or the commit) threw, unchanged, as a direct call would.
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new CordonException.Unavailable("a write transaction failed", cause);
      }
    }
  }
}
