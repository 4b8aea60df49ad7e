package io.cordon.audit;

import io.cordon.audit.checkpoint.Checkpoint;
import io.cordon.audit.checkpoint.CheckpointResult;
import io.cordon.audit.checkpoint.CheckpointVerifier;
import io.cordon.audit.tree.ConsistencyProof;
import io.cordon.audit.tree.InclusionProof;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading the audit trail. Reading it is itself audited ({@code audit.read}), and only roles the
 * policy allows (auditors, administrators) may. Thread-safe.
 */
public final class AuditService {
  /** The most events one page may hold. */
  public static final int MAX_PAGE = 1000;

  private final OneDoor door;
  private final CheckpointService checkpoints;
  private final AuditTree tree;

  public AuditService(OneDoor door, CheckpointService checkpoints, AuditTree tree) {
    this.door = door;
    this.checkpoints = checkpoints;
    this.tree = tree;
  }

  /**
   * The newest signed checkpoint, its note followed by the witnesses' cosignature lines if any.
   * Checkpoints, the key and proofs are public commitments that reveal only hashes and counts:
   * every signed-in user, partners included, may fetch them to check that the trail holds the
   * events about their data and was never rewritten.
   */
  public StoredCheckpoint checkpoint(RequestContext ctx) {
    return door.perform(
        ctx,
        proofRead(),
        (tx, resource) -> {
          StoredCheckpoint latest =
              tx.checkpoints()
                  .latest()
                  .orElseThrow(
                      () -> new CordonException.NotFound("no checkpoint has been signed yet"));
          // Witnesses' cosignatures follow the log's own signature (c2sp.org/tlog-cosignature).
          StoredCheckpoint cosigned =
              latest.withCosignatures(tx.cosignatures().forCheckpoint(latest.treeSize()));
          return new Performed<>(
              cosigned,
              Optional.empty(),
              Map.of("what", "checkpoint", "treeSize", latest.treeSize()));
        });
  }

  /** The checkpoint verifier key in signed-note form. */
  public String checkpointKey(RequestContext ctx) {
    String key = checkpoints.verifierKey().encoded();
    return door.perform(
        ctx,
        proofRead(),
        (tx, resource) -> new Performed<>(key, Optional.empty(), Map.of("what", "key")));
  }

  /** The proof that event {@code seq} is in the tree of {@code treeSize} events. */
  public InclusionProof inclusionProof(RequestContext ctx, long seq, long treeSize) {
    return door.perform(
        ctx,
        proofRead(),
        (tx, resource) -> {
          caughtUpTo(treeSize);
          return new Performed<>(
              tree.inclusionProof(seq, treeSize),
              Optional.empty(),
              Map.of("what", "inclusion", "seq", seq, "treeSize", treeSize));
        });
  }

  /** The proof that the tree of {@code to} events extends the tree of {@code from} events. */
  public ConsistencyProof consistencyProof(RequestContext ctx, long from, long to) {
    return door.perform(
        ctx,
        proofRead(),
        (tx, resource) -> {
          caughtUpTo(to);
          return new Performed<>(
              tree.consistencyProof(from, to),
              Optional.empty(),
              Map.of("what", "consistency", "from", from, "to", to));
        });
  }

  private void caughtUpTo(long treeSize) {
    if (treeSize > tree.size()) {
      tree.catchUp();
    }
  }

  private static Guarded proofRead() {
    return Guarded.of("audit.proof", Action.VIEW, Resource.system(Resource.AUDIT_PROOFS));
  }

  /** Stored events from {@code fromSeq} on, with the bytes their leaf hashes cover. */
  public List<AuditRecord> events(RequestContext ctx, long fromSeq, int limit) {
    if (fromSeq < 1) {
      throw new CordonException.InvalidInput("from must be a sequence number of 1 or more");
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new CordonException.InvalidInput("limit must be between 1 and " + MAX_PAGE);
    }
    return door.perform(
        ctx,
        Guarded.of("audit.read", Action.AUDIT, Resource.system("audit")),
        (tx, resource) -> {
          List<AuditRecord> page = tx.audit().records(fromSeq, limit);
          return new Performed<>(
              page, Optional.empty(), Map.of("from", fromSeq, "count", page.size()));
        });
  }

  /**
   * Recomputes the trail: sequence numbers run from 1 to the head without gaps, every event's bytes
   * match its leaf hash and parse as an event with its own seq, every chain hash follows from the
   * one before, and the head's chain is the last event's. Names the first event that fails. (Signed
   * checkpoints extend this to a rewrite that recomputed every hash after the change.)
   */
  public VerifyResult verify(RequestContext ctx) {
    return verify(ctx, Optional.empty());
  }

  /**
   * Verifies the trail, and also against a checkpoint note saved outside the database earlier (for
   * instance from the checkpoint export directory): detects a rollback or a forked history that the
   * stored checkpoints, re-signed, would hide. A note that is not a valid checkpoint of this
   * installation is bad input.
   */
  public VerifyResult verify(RequestContext ctx, Optional<byte[]> savedCheckpoint) {
    // Read before the transaction: loading the key reads the database itself.
    Optional<CheckpointVerifier> signatures =
        checkpoints.existingVerifierKey().map(CheckpointVerifier::new);
    Checkpoint saved = savedCheckpoint.map(note -> savedCheckpoint(note, signatures)).orElse(null);
    return door.perform(
        ctx,
        Guarded.of("audit.verify", Action.AUDIT, Resource.system("audit")),
        (tx, resource) -> {
          VerifyResult result =
              TrailVerifier.verify(tx.audit(), tx.checkpoints(), signatures.orElse(null), saved);
          return new Performed<>(
              result,
              Optional.empty(),
              Map.of("result", result instanceof VerifyResult.Intact ? "intact" : "broken"));
        });
  }

  private static Checkpoint savedCheckpoint(byte[] note, Optional<CheckpointVerifier> signatures) {
    CheckpointVerifier verifier =
        signatures.orElseThrow(
            () ->
                new CordonException.InvalidInput(
                    "this installation has signed no checkpoint yet: nothing to compare with"));
    return switch (verifier.verify(note)) {
      case CheckpointResult.Verified ok -> ok.checkpoint();
      case CheckpointResult.Rejected bad ->
          throw new CordonException.InvalidInput(
              "not a valid checkpoint of this installation: " + bad.reason());
    };
  }
}
