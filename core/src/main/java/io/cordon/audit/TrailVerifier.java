package io.cordon.audit;

import io.cordon.audit.checkpoint.Checkpoint;
import io.cordon.audit.checkpoint.CheckpointResult;
import io.cordon.audit.checkpoint.CheckpointVerifier;
import io.cordon.audit.tree.InMemorySubtreeHashes;
import io.cordon.audit.tree.MerkleTreeAppender;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Recomputes a stored trail from its bytes: sequence numbers run from 1 to the head without gaps,
 * every event's bytes match its leaf hash and parse as an event carrying its own seq, every chain
 * hash follows from the one before, and the head's chain is the last event's. With checkpoints, it
 * also rebuilds the Merkle tree and checks that every stored checkpoint is validly signed and
 * commits to the recomputed root at its size: a rewrite that recomputed every later hash still
 * shows there, between the last checkpoint that holds and the first that does not. Names the first
 * sequence number that fails. Reads a page at a time, the next page while it hashes this one
 * ({@link TrailReader}), so memory stays flat on a long trail.
 *
 * <p>One instance verifies once; not thread-safe.
 */
public final class TrailVerifier {
  private static final int PAGE = 8192;

  private final AuditLog log;
  private final Checkpoints checkpoints;
  private final CheckpointVerifier signatures;
  private final Checkpoint saved;
  private final MerkleTreeAppender tree = new MerkleTreeAppender(new InMemorySubtreeHashes());
  private TrailReader reader;
  private Iterator<StoredCheckpoint> pending = Collections.emptyIterator();
  private StoredCheckpoint next;
  private long nextCheckpointFrom = 1;
  private long lastGoodCheckpoint;

  private TrailVerifier(
      AuditLog log, Checkpoints checkpoints, CheckpointVerifier signatures, Checkpoint saved) {
    this.log = log;
    this.checkpoints = checkpoints;
    this.signatures = signatures;
    this.saved = saved;
  }

  /** Verifies the events and chain of {@code log} as one consistent read sees it. */
  public static VerifyResult verify(AuditLog log) {
    return new TrailVerifier(log, null, null, null).run();
  }

  /**
   * Verifies the events and chain, and every stored checkpoint against the recomputed tree and the
   * installation's checkpoint key (call within one transaction).
   */
  public static VerifyResult verify(
      AuditLog log, Checkpoints checkpoints, CheckpointVerifier signatures) {
    return new TrailVerifier(log, checkpoints, signatures, null).run();
  }

  /**
   * As {@link #verify(AuditLog, Checkpoints, CheckpointVerifier)}, and also against a checkpoint
   * saved outside the database earlier (already verified by its signature): the trail must still
   * hold that many events with that root. A shorter trail was rolled back; another root means the
   * history was rewritten or forked (with the signing key, so the stored checkpoints agree).
   */
  public static VerifyResult verify(
      AuditLog log, Checkpoints checkpoints, CheckpointVerifier signatures, Checkpoint saved) {
    return new TrailVerifier(log, checkpoints, signatures, saved).run();
  }

  private VerifyResult run() {
    try (TrailReader opened = new TrailReader(log, checkpoints, PAGE)) {
      reader = opened;
      return verify();
    }
  }

  private VerifyResult verify() {
    long last = reader.lastSeq();
    byte[] chain = AuditChain.genesis();
    advanceCheckpoint();
    long expected = 1;
    while (expected <= last) {
      List<AuditRecord> page = reader.page(expected);
      if (page.isEmpty()) {
        return new VerifyResult.Broken(
            expected, "missing: the trail ends at " + (expected - 1) + ", the head says " + last);
      }
      boolean[] consistent = selfConsistent(page);
      for (int i = 0; i < page.size(); i++) {
        AuditRecord r = page.get(i);
        if (r.seq() > last) {
          return new VerifyResult.Broken(r.seq(), "stored beyond the head (" + last + ")");
        }
        if (r.seq() != expected) {
          return new VerifyResult.Broken(expected, "missing; the next stored event is " + r.seq());
        }
        if (!consistent[i] || !RecordCheck.chainHolds(r, chain)) {
          // The slow path names what is wrong, in the order of the checks.
          Optional<String> fault = RecordCheck.fault(r, chain);
          return new VerifyResult.Broken(
              expected, fault.orElse("the chain breaks here: this event was replaced"));
        }
        chain = r.chainHashView();
        Optional<VerifyResult> checkpointFault = checkCheckpoints(r.leafHashView());
        if (checkpointFault.isPresent()) {
          return checkpointFault.get();
        }
        expected++;
      }
    }
    if (reader.anyAfter(last)) {
      return new VerifyResult.Broken(last + 1, "stored beyond the head (" + last + ")");
    }
    if (!Arrays.equals(chain, reader.headChain())) {
      return new VerifyResult.Broken(
          last + 1,
          "the head's chain hash does not end at event "
              + last
              + ": events after it were removed, or the head was altered");
    }
    if (saved != null && saved.treeSize() > last) {
      return new VerifyResult.Broken(
          last + 1,
          "rolled back: the saved checkpoint covers "
              + saved.treeSize()
              + " events, the trail holds "
              + last);
    }
    if (next != null) {
      return new VerifyResult.Broken(
          last + 1,
          "a signed checkpoint covers "
              + next.treeSize()
              + " events but the trail holds "
              + last
              + ": events were removed");
    }
    return new VerifyResult.Intact(last);
  }

  /**
   * Each record's own checks ({@link RecordCheck#selfConsistent}: mostly its leaf hash), on all
   * cores at once; the chain and the tree, which need the order, follow on this thread.
   */
  private static boolean[] selfConsistent(List<AuditRecord> page) {
    boolean[] ok = new boolean[page.size()];
    IntStream.range(0, page.size())
        .parallel()
        .forEach(i -> ok[i] = RecordCheck.selfConsistent(page.get(i)));
    return ok;
  }

  /** Adds one leaf to the tree and checks any checkpoint of exactly that size. */
  private Optional<VerifyResult> checkCheckpoints(byte[] leafHash) {
    if (checkpoints == null && saved == null) {
      return Optional.empty();
    }
    tree.append(leafHash);
    if (saved != null
        && saved.treeSize() == tree.size()
        && !Arrays.equals(saved.rootHash(), tree.rootHash())) {
      return Optional.of(
          new VerifyResult.Broken(
              1,
              "the trail's first "
                  + saved.treeSize()
                  + " events are not those of the saved checkpoint: history was rewritten or"
                  + " forked somewhere in 1 to "
                  + saved.treeSize()));
    }
    while (next != null && next.treeSize() == tree.size()) {
      Optional<String> fault = checkpointFault(next);
      if (fault.isPresent()) {
        return Optional.of(
            new VerifyResult.Broken(
                lastGoodCheckpoint + 1,
                "the checkpoint of "
                    + next.treeSize()
                    + " events "
                    + fault.get()
                    + ": an event from "
                    + (lastGoodCheckpoint + 1)
                    + " to "
                    + next.treeSize()
                    + " was rewritten, inserted, deleted or reordered"));
      }
      lastGoodCheckpoint = next.treeSize();
      advanceCheckpoint();
    }
    return Optional.empty();
  }

  private Optional<String> checkpointFault(StoredCheckpoint c) {
    byte[] root = tree.rootHash();
    if (!Arrays.equals(root, c.rootHash())) {
      return Optional.of("does not match the recomputed tree");
    }
    if (signatures != null) {
      CheckpointResult result = signatures.verify(c.note().getBytes(StandardCharsets.UTF_8));
      if (result instanceof CheckpointResult.Rejected rejected) {
        return Optional.of("has a bad signature (" + rejected.reason() + ")");
      }
      CheckpointResult.Verified ok = (CheckpointResult.Verified) result;
      if (ok.checkpoint().treeSize() != c.treeSize()
          || !Arrays.equals(ok.checkpoint().rootHash(), root)) {
        return Optional.of("is signed for another tree than its stored columns say");
      }
    }
    return Optional.empty();
  }

  private void advanceCheckpoint() {
    if (checkpoints == null) {
      return;
    }
    if (!pending.hasNext()) {
      List<StoredCheckpoint> page = reader.checkpoints(nextCheckpointFrom, PAGE);
      pending = page.iterator();
    }
    next = pending.hasNext() ? pending.next() : null;
    if (next != null) {
      nextCheckpointFrom = next.treeSize() + 1;
    }
  }
}
