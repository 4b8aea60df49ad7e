package io.cordon.server.bench;

import io.cordon.audit.AuditTree;
import io.cordon.audit.PreparedEvent;
import io.cordon.audit.StoredCheckpoint;
import io.cordon.audit.TrailVerifier;
import io.cordon.audit.VerifyResult;
import io.cordon.audit.checkpoint.Checkpoint;
import io.cordon.audit.checkpoint.CheckpointSigner;
import io.cordon.audit.checkpoint.CheckpointVerifier;
import io.cordon.audit.checkpoint.Ed25519NoteSigner;
import io.cordon.audit.tree.InclusionProof;
import io.cordon.audit.tree.ProofVerifier;
import io.cordon.storage.Transaction;
import io.cordon.store.sql.SqliteMetadataStore;
import io.cordon.store.sql.UnhashedEventInserts;
import io.cordon.store.sql.WriteBatchStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code cordon bench audit}: the audit trail's throughput on a throwaway SQLite database in the
 * temporary directory (durable: WAL with {@code synchronous=FULL}, as in production).
 *
 * <ol>
 *   <li><b>Appends</b>: many concurrent callers each append one event per transaction through the
 *       real group-committed path ({@link SqliteMetadataStore#appendAudit}: the event serialised on
 *       the caller's thread; number, leaf hash, chain hash, head on the writer), against the
 *       baseline of the same rows inserted the same way with no hashing and no head ({@link
 *       UnhashedEventInserts}), alternating, median of the runs; and the same rows in a table that
 *       maintains the eight search indexes on every insert, as the trail did before they moved
 *       behind it.
 *   <li><b>Search indexing</b>: the background indexer's work (the search copy of every event
 *       appended so far, in its batches), timed on its own after the append runs, during which it
 *       is stopped: the rate it can keep up with.
 *   <li><b>Verification</b>: the trail is grown to the proof size through the same append path
 *       (larger transactions, a signed checkpoint every million events), then {@link TrailVerifier}
 *       recomputes every leaf, the chain, the Merkle tree and every checkpoint's signature.
 *   <li><b>Proofs</b>: a node's {@link AuditTree} loads the trail, then serves inclusion proofs for
 *       random events of the whole tree; each is timed on the server side and checked against the
 *       root.
 * </ol>
 *
 * Run: {@code java -jar server/target/cordon.jar bench audit} (about 10 GB of temporary disk and a
 * few minutes for the default ten-million-event trail).
 */
public final class AuditBenchmark {
  /** Durable appends per second the trail should reach on SQLite. */
  public static final double APPEND_GOAL = 50_000;

  /** The trail's append rate over the unhashed baseline's. */
  public static final double RATIO_GOAL = 0.8;

  /** Events per second a full verification should reach. */
  public static final double VERIFY_GOAL = 1_000_000;

  /** Milliseconds an inclusion proof may take on the server. */
  public static final double PROOF_GOAL_MS = 1.0;

  private static final int GROW_BATCH = 2_000;
  private static final int SEARCH_INDEX_BATCH = 8192;
  private static final long CHECKPOINT_EVERY = 1_000_000;

  private AuditBenchmark() {}

  /**
   * What to measure.
   *
   * @param events events per measured append run (each side)
   * @param runs measured append runs per side
   * @param writers concurrent appending callers
   * @param trail events in the trail that verification and proofs run on
   * @param proofs inclusion proofs to time
   */
  public record Options(long events, int runs, int writers, long trail, int proofs) {
    public Options {
      if (events < 1 || runs < 1 || writers < 1 || trail < 1 || proofs < 1) {
        throw new IllegalArgumentException("every count must be positive");
      }
    }
  }

  /** Runs the benchmark, reporting progress as it goes. */
  public static AuditBenchReport run(Options options, PrintWriter progress) throws Exception {
    Path dir = Files.createTempDirectory("cordon-bench-audit");
    try (SqliteMetadataStore store = SqliteMetadataStore.open(dir.resolve("bench.db"))) {
      return new Run(store, options, progress).measure();
    } finally {
      deleteTree(dir);
    }
  }

  /** One benchmark run over one database. */
  private static final class Run {
    private final SqliteMetadataStore store;
    private final Options options;
    private final PrintWriter progress;
    private final SyntheticEvents events = new SyntheticEvents(20261123L);
    private final UnhashedEventInserts baseline;
    private final UnhashedEventInserts inlineIndexed;
    private final List<Double> meanBatches = new ArrayList<>();
    private double lastMeanBatch;

    Run(SqliteMetadataStore store, Options options, PrintWriter progress) {
      this.store = store;
      this.options = options;
      this.progress = progress;
      this.baseline = UnhashedEventInserts.create(store);
      this.inlineIndexed = UnhashedEventInserts.createInlineIndexed(store);
      // Appends are measured alone; the search copy is then built and timed on its own.
      store.stopSearchIndexing();
    }

    AuditBenchReport measure() throws Exception {
      say("warming up");
      long warmUp = Math.max(1, options.events() / 5);
      appendRate(warmUp, () -> baseline.insertAlone(store, PreparedEvent.of(events.next())));
      appendRate(warmUp, () -> store.appendAudit(PreparedEvent.of(events.next())));
      List<Double> hashed = new ArrayList<>();
      List<Double> plain = new ArrayList<>();
      List<Double> inline = new ArrayList<>();
      for (int run = 1; run <= options.runs(); run++) {
        inline.add(
            appendRate(
                options.events(),
                () -> inlineIndexed.insertAlone(store, PreparedEvent.of(events.next()))));
        plain.add(
            appendRate(
                options.events(),
                () -> baseline.insertAlone(store, PreparedEvent.of(events.next()))));
        hashed.add(
            appendRate(options.events(), () -> store.appendAudit(PreparedEvent.of(events.next()))));
        meanBatches.add(lastMeanBatch);
        say(
            String.format(
                Locale.ROOT,
                "run %d: %.0f appends/s (%.0f per commit), baseline %.0f/s, with inline indexes %.0f/s",
                run,
                hashed.getLast(),
                lastMeanBatch,
                plain.getLast(),
                inline.getLast()));
      }
      double indexRate = searchIndexRate();
      Ed25519NoteSigner signer = Ed25519NoteSigner.generate("cordon/bench");
      grow(signer);
      double verifyRate = verifyRate(signer);
      AuditTree tree = new AuditTree(store);
      long loadStart = System.nanoTime();
      long size = tree.catchUp();
      double loadSeconds = seconds(loadStart);
      say(String.format(Locale.ROOT, "tree of %d events loaded in %.1f s", size, loadSeconds));
      List<Double> proofMs = proofTimes(tree, size);
      return new AuditBenchReport(
          options,
          hashed,
          plain,
          inline,
          indexRate,
          BenchReport.median(meanBatches),
          size,
          verifyRate,
          size / loadSeconds,
          proofMs);
    }

    /**
     * Appends {@code count} events, one per transaction, from the concurrent writers; each caller
     * serialises its event on its own thread and waits for its commit.
     */
    private double appendRate(long count, Runnable append) throws Exception {
      AtomicLong remaining = new AtomicLong(count);
      WriteBatchStats before = store.writeBatchStats();
      long start = System.nanoTime();
      try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < options.writers(); w++) {
          done.add(
              writers.submit(
                  () -> {
                    while (remaining.getAndDecrement() > 0) {
                      append.run();
                    }
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      }
      double rate = count / seconds(start);
      WriteBatchStats after = store.writeBatchStats();
      lastMeanBatch =
          new WriteBatchStats(after.batches() - before.batches(), after.pieces() - before.pieces())
              .meanBatch();
      return rate;
    }

    /**
     * Builds the search copy of every event appended so far, as the background indexer does, and
     * returns events indexed per second: the rate the indexer keeps up with behind the trail.
     */
    private double searchIndexRate() {
      long lag = store.auditSearchLag();
      say("indexing " + lag + " events for search");
      long start = System.nanoTime();
      long done = 0;
      int n;
      while ((n = store.indexAuditSearch(SEARCH_INDEX_BATCH)) > 0) {
        done += n;
      }
      double rate = done / seconds(start);
      say(String.format(Locale.ROOT, "  %.0f events/s indexed for search", rate));
      return rate;
    }

    /** Grows the trail to the proof size, a signed checkpoint every million events. */
    private void grow(Ed25519NoteSigner signer) throws Exception {
      long have = store.read((Transaction tx) -> tx.audit().lastSeq());
      say("growing the trail from " + have + " to " + options.trail() + " events");
      AuditTree tree = new AuditTree(store);
      CheckpointSigner signing = new CheckpointSigner(signer);
      long nextReport = have + CHECKPOINT_EVERY;
      while (have < options.trail()) {
        int batch = (int) Math.min(GROW_BATCH, options.trail() - have);
        have =
            store.inTransaction(
                tx -> {
                  for (int i = 0; i < batch; i++) {
                    tx.audit().append(events.next());
                  }
                  return tx.audit().lastSeq();
                });
        if (have >= nextReport || have == options.trail()) {
          long size = tree.catchUp();
          byte[] root = tree.rootHash(size);
          String note = signing.sign(new Checkpoint("cordon/bench", size, root));
          store.inTransaction(
              tx -> {
                tx.checkpoints().insert(new StoredCheckpoint(size, root, note, Instant.now()));
                return null;
              });
          say("  " + size + " events, checkpoint signed");
          nextReport = size + CHECKPOINT_EVERY;
        }
      }
    }

    private double verifyRate(Ed25519NoteSigner signer) {
      say("verifying the whole trail");
      CheckpointVerifier verifier = new CheckpointVerifier(signer.verifierKey());
      long start = System.nanoTime();
      VerifyResult result =
          store.read(
              (Transaction tx) -> TrailVerifier.verify(tx.audit(), tx.checkpoints(), verifier));
      double secs = seconds(start);
      if (!(result instanceof VerifyResult.Intact intact)) {
        throw new IllegalStateException("the benchmark's own trail did not verify: " + result);
      }
      return intact.events() / secs;
    }

    private List<Double> proofTimes(AuditTree tree, long size) {
      say("timing " + options.proofs() + " inclusion proofs");
      SplittableRandom random = new SplittableRandom(7);
      byte[] root = tree.rootHash(size);
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < options.proofs(); i++) {
        long seq = random.nextLong(1, size + 1);
        long start = System.nanoTime();
        InclusionProof proof = tree.inclusionProof(seq, size);
        millis.add((System.nanoTime() - start) / 1e6);
        byte[] leaf = store.read((Transaction tx) -> tx.audit().leafHashes(seq, 1)).getFirst();
        if (!ProofVerifier.verifyInclusion(proof, leaf, root).isVerified()) {
          throw new IllegalStateException("the proof for event " + seq + " does not verify");
        }
      }
      return millis;
    }

    private void say(String line) {
      progress.println(line);
      progress.flush();
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove the benchmark's directory " + dir, e);
    }
  }
}
