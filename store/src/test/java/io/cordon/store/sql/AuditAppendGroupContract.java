package io.cordon.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditRecord;
import io.cordon.audit.PreparedEvent;
import io.cordon.audit.TrailVerifier;
import io.cordon.audit.VerifyResult;
import io.cordon.storage.Transaction;
import io.cordon.testing.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Audit appends in the group commit ({@link JdbiMetadataStore#appendAudit}): serialised on the
 * caller's thread, several to a batch behind one savepoint. Numbers stay gapless, the stored bytes
 * are exactly those of the numbered event, the trail verifies, and a piece of rerunnable work that
 * fails inside a group loses only itself.
 */
abstract class AuditAppendGroupContract {
  private static final int CALLERS = 64;

  /** Opens a store on the test class's database, migrated. */
  abstract JdbiMetadataStore newStore();

  @Test
  void appendAudit_concurrentCallers_gaplessExactBytesAndTheTrailVerifies() throws Exception {
    try (JdbiMetadataStore store = newStore();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      String action = Samples.unique("group").replace('-', '_') + ".append";
      WriteBatchStats before = store.writeBatchStats();
      Future<?> blocker = holdTheWriter(store, callers);
      List<Future<AuditEvent>> appended = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        appended.add(
            callers.submit(() -> store.appendAudit(PreparedEvent.of(Samples.event(action)))));
      }
      blocker.get();
      List<Long> seqs = new ArrayList<>();
      for (Future<AuditEvent> f : appended) {
        seqs.add(f.get().seq());
      }
      WriteBatchStats after = store.writeBatchStats();

      seqs.sort(null);
      assertThat(seqs.getLast() - seqs.getFirst()).isEqualTo(CALLERS - 1);
      // The blocker's batch, then the appends that queued behind it together.
      assertThat(after.batches() - before.batches()).isLessThan(CALLERS / 2);
      List<AuditRecord> stored =
          store.read((Transaction tx) -> tx.audit().records(seqs.getFirst(), CALLERS));
      for (int i = 0; i < CALLERS; i++) {
        AuditEvent event = appended.get(i).get();
        AuditRecord r = stored.get((int) (event.seq() - seqs.getFirst()));
        assertThat(r.event()).isEqualTo(event);
        assertThat(r.leaf()).isEqualTo(PreparedEvent.of(event).leafData(event.seq()));
      }
      assertThat(store.read((Transaction tx) -> TrailVerifier.verify(tx.audit())))
          .isInstanceOf(VerifyResult.Intact.class);
    }
  }

  @Test
  void rerunnableGroup_onePieceFails_onlyItIsLostAndNumbersStayGapless() throws Exception {
    try (JdbiMetadataStore store = newStore();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      String action = Samples.unique("fails").replace('-', '_') + ".append";
      PreparedEvent event = PreparedEvent.of(Samples.event(action));
      Future<?> blocker = holdTheWriter(store, callers);
      List<Future<Long>> outcomes = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        boolean failing = i == CALLERS / 2;
        outcomes.add(
            callers.submit(
                () ->
                    store.inRerunnableTransaction(
                        tx -> {
                          long seq = tx.audit().append(event).seq();
                          if (failing) {
                            throw new IllegalStateException("this append fails after its insert");
                          }
                          return seq;
                        })));
      }
      blocker.get();
      List<Long> seqs = new ArrayList<>();
      int failures = 0;
      for (Future<Long> f : outcomes) {
        try {
          seqs.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).hasMessage("this append fails after its insert");
          failures++;
        }
      }

      assertThat(failures).isEqualTo(1);
      seqs.sort(null);
      assertThat(seqs.getLast() - seqs.getFirst()).isEqualTo(CALLERS - 2);
      assertThat(
              store.read((Transaction tx) -> tx.audit().records(seqs.getFirst(), CALLERS).size()))
          .isEqualTo(CALLERS - 1);
      assertThat(store.read((Transaction tx) -> TrailVerifier.verify(tx.audit())))
          .isInstanceOf(VerifyResult.Intact.class);
    }
  }

  /**
   * Keeps the writer thread busy for a moment in a transaction of its own, so that the work
   * submitted meanwhile queues up and runs as one batch.
   */
  private static Future<?> holdTheWriter(JdbiMetadataStore store, ExecutorService threads)
      throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    Future<?> blocker =
        threads.submit(
            () ->
                store.inTransaction(
                    tx -> {
                      running.countDown();
                      try {
                        Thread.sleep(300);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return null;
                    }));
    running.await();
    return blocker;
  }
}
