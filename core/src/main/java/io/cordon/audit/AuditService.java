package io.cordon.audit;

import io.cordon.audit.checkpoint.CheckpointVerifier;
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

  public AuditService(OneDoor door, CheckpointService checkpoints) {
    this.door = door;
    this.checkpoints = checkpoints;
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
    // Read before the transaction: loading the key reads the database itself.
    CheckpointVerifier signatures =
        checkpoints.existingVerifierKey().map(CheckpointVerifier::new).orElse(null);
    return door.perform(
        ctx,
        Guarded.of("audit.verify", Action.AUDIT, Resource.system("audit")),
        (tx, resource) -> {
          VerifyResult result = TrailVerifier.verify(tx.audit(), tx.checkpoints(), signatures);
          return new Performed<>(
              result,
              Optional.empty(),
              Map.of("result", result instanceof VerifyResult.Intact ? "intact" : "broken"));
        });
  }
}
