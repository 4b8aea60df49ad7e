package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.TrailVerifier;
import io.cordon.audit.VerifyResult;
import io.cordon.context.CordonException;
import io.cordon.identity.Organisation;
import io.cordon.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Write transactions of many callers may share one database transaction (group commit); each must
 * still commit or fail on its own, with gapless audit numbers. The tests hold the writer busy so
 * that the work after it queues up and runs as one batch.
 */
abstract class GroupCommitChecks extends AuditLogChecks {
  @Test
  void inTransaction_failingWorkInABatch_failsAloneAndReturnsItsNumbers() throws Exception {
    long before = read((Transaction tx) -> tx.audit().lastSeq());
    Organisation taken = Samples.organisation();
    Organisation lost = Samples.organisation();
    write(tx -> tx.organisations().insert(taken));
    IllegalStateException boom = new IllegalStateException("boom");

    List<Outcome> outcomes =
        whileWriterIsBusy(
            List.of(
                tx -> tx.audit().append(Samples.event("gc.first")),
                tx -> {
                  tx.audit().append(Samples.event("gc.conflict"));
                  tx.organisations().insert(taken); // a failed statement mid-batch
                  return null;
                },
                tx -> tx.audit().append(Samples.event("gc.second")),
                tx -> {
                  tx.organisations().insert(lost);
                  tx.audit().append(Samples.event("gc.thrown"));
                  throw boom;
                },
                tx -> tx.audit().append(Samples.event("gc.third"))));

    assertThat(outcomes.get(1).error()).isInstanceOf(CordonException.Conflict.class);
    assertThat(outcomes.get(3).error()).isSameAs(boom);
    long held = before + 2; // the busy work and the taken organisation's write appended nothing
    assertThat(List.of(outcomes.get(0), outcomes.get(2), outcomes.get(4)))
        .extracting(o -> ((AuditEvent) o.value()).seq())
        .containsExactlyInAnyOrder(held, held + 1, held + 2);
    assertThat(read((Transaction tx) -> tx.organisations().find(lost.id()))).isEmpty();
    assertThat(read((Transaction tx) -> tx.audit().list(before + 1, 10)))
        .extracting(AuditEvent::action)
        .containsOnly("gc.hold", "gc.first", "gc.second", "gc.third")
        .hasSize(4);
    assertThat(read((Transaction tx) -> TrailVerifier.verify(tx.audit())))
        .isInstanceOf(VerifyResult.Intact.class);
  }

  @Test
  void inTransaction_manyConcurrentWriters_numbersAreGaplessAndEachCallerGetsItsOwn()
      throws Exception {
    long before = read((Transaction tx) -> tx.audit().lastSeq());
    int writers = 32;
    int each = 25;

    List<List<Long>> perWriter =
        Concurrently.run(
            writers,
            w -> {
              List<Long> seqs = new ArrayList<>();
              for (int i = 0; i < each; i++) {
                AuditEvent e = Samples.event("gc.load");
                seqs.add(writeAndGet((Transaction tx) -> tx.audit().append(e)).seq());
              }
              return seqs;
            });

    List<Long> all = perWriter.stream().flatMap(List::stream).sorted().toList();
    assertThat(all)
        .containsExactlyElementsOf(
            LongStream.rangeClosed(before + 1, before + writers * each).boxed().toList());
    for (List<Long> seqs : perWriter) {
      assertThat(seqs).isSorted(); // one caller's writes commit in the order it made them
    }
    assertThat(read((Transaction tx) -> TrailVerifier.verify(tx.audit())))
        .isEqualTo(new VerifyResult.Intact(before + writers * each));
  }

  @Test
  void inTransaction_startedInsideAnotherWrite_isRefused() {
    assertThatThrownBy(() -> write(tx -> store().inTransaction(inner -> inner.audit().lastSeq())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nested");

    assertThat(writeAndGet((Transaction tx) -> tx.audit().append(Samples.event("gc.after"))))
        .isNotNull();
  }

  /**
   * Runs each work item on its own thread while the writer is held busy by an appending transaction
   * ("gc.hold"), so that they queue and then run together; returns their outcomes in order.
   */
  private List<Outcome> whileWriterIsBusy(List<Function<Transaction, Object>> works)
      throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (ExecutorService threads = Executors.newCachedThreadPool()) {
      Future<?> hold =
          threads.submit(
              () ->
                  write(
                      tx -> {
                        tx.audit().append(Samples.event("gc.hold"));
                        holding.countDown();
                        awaitQuietly(release);
                      }));
      assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
      List<CompletableFuture<Outcome>> pending = new ArrayList<>();
      List<Thread> callers = new ArrayList<>();
      for (Function<Transaction, Object> work : works) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Thread caller =
            Thread.ofPlatform()
                .start(
                    () -> {
                      try {
                        outcome.complete(new Outcome(writeAndGet(work), null));
                      } catch (RuntimeException e) {
                        outcome.complete(new Outcome(null, e));
                      }
                    });
        pending.add(outcome);
        callers.add(caller);
      }
      awaitAllWaiting(callers);
      release.countDown();
      hold.get(30, TimeUnit.SECONDS);
      List<Outcome> outcomes = new ArrayList<>();
      for (CompletableFuture<Outcome> f : pending) {
        outcomes.add(f.get(30, TimeUnit.SECONDS));
      }
      return outcomes;
    }
  }

  /** Waits until every caller is parked waiting for its transaction (queued behind the writer). */
  private static void awaitAllWaiting(List<Thread> callers) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (Thread t : callers) {
      while (t.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
        Thread.onSpinWait();
        Thread.yield();
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Outcome(Object value, RuntimeException error) {}
}
