package io.cordon.audit.witness;

import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.audit.checkpoint.Checkpoint;
import io.cordon.audit.checkpoint.CheckpointResult;
import io.cordon.audit.checkpoint.CheckpointVerifier;
import io.cordon.audit.checkpoint.NoteLimits;
import io.cordon.audit.checkpoint.NoteSignature;
import io.cordon.audit.checkpoint.SignedNote;
import io.cordon.audit.checkpoint.VerifierKey;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cordon as a witness (c2sp.org/tlog-witness): cosigns a checkpoint of a registered log only if it
 * is signed by the log's key and provably extends the latest checkpoint cosigned for that log,
 * which it then records, atomically, so that no submission (hostile or merely concurrent) can roll
 * the log back. Every submission goes through the one door and is audited ({@code witness.cosign}),
 * refusals included; the log's signature, not the caller, is what a cosignature vouches for.
 *
 * <p>Thread-safe.
 */
public final class WitnessService {
  private static final NoteLimits LIMITS = NoteLimits.DEFAULTS;

  private final OneDoor door;
  private final InstallationCosigner cosigner;

  public WitnessService(OneDoor door, InstallationCosigner cosigner) {
    this.door = door;
    this.cosigner = cosigner;
  }

  /**
   * Handles an {@code add-checkpoint} body and returns the cosignature line.
   *
   * @throws CordonException.InvalidInput a malformed body, or an old size above the checkpoint's
   * @throws CordonException.NotFound the checkpoint's origin is not a registered log
   * @throws CheckpointRefused a bad log signature, a conflicting old size or root, a bad proof
   */
  public String addCheckpoint(RequestContext ctx, byte[] body) {
    AddCheckpointRequest request = AddCheckpointRequest.parse(body);
    SignedNote note = SignedNote.parse(request.note(), LIMITS);
    String origin = WitnessedLog.checkOrigin(note.text().substring(0, note.text().indexOf('\n')));
    var signer = cosigner.cosigner(); // outside the transaction: loading it opens its own
    Guarded op =
        Guarded.of(
            "witness.cosign",
            Action.COSIGN,
            tx -> Resource.system(Resource.WITNESS),
            AuditObject.of("witness-log", origin, null));
    return door.perform(
        ctx,
        op,
        (tx, resource) -> {
          WitnessedLog log =
              tx.witnessedLogs()
                  .find(origin)
                  .orElseThrow(
                      () -> new CordonException.NotFound("this witness does not know " + origin));
          Checkpoint checkpoint = verified(log, request.note());
          WitnessRules.checkExtends(log, request, checkpoint);
          Instant now = door.clock().instant();
          if (checkpoint.treeSize() > log.treeSize()
              && !tx.witnessedLogs()
                  .advance(
                      origin, log.treeSize(), checkpoint.treeSize(), checkpoint.rootHash(), now)) {
            long latest = tx.witnessedLogs().find(origin).orElseThrow().treeSize();
            throw CheckpointRefused.conflict(
                "another submission advanced " + origin + " to size " + latest + " first", latest);
          }
          NoteSignature cosignature = signer.cosign(note.text(), now);
          return new Performed<>(
              cosignature.line(),
              Optional.of(AuditObject.of("witness-log", origin, null)),
              Map.of(
                  "oldSize", request.oldSize(),
                  "treeSize", checkpoint.treeSize(),
                  "previousSize", log.treeSize()));
        });
  }

  /** Registers a log to witness, by origin and checkpoint verifier key (administrators). */
  public WitnessedLog addLog(RequestContext ctx, String origin, String verifierKey) {
    WitnessedLog.checkOrigin(origin);
    VerifierKey key = VerifierKey.parse(verifierKey);
    return door.perform(
        ctx,
        Guarded.of(
            "witness_log.add",
            Action.ADMINISTER,
            tx -> Resource.system(Resource.WITNESS),
            AuditObject.of("witness-log", origin, null)),
        (tx, resource) -> {
          if (tx.witnessedLogs().find(origin).isPresent()) {
            throw new CordonException.Conflict("the log " + origin + " is already witnessed");
          }
          WitnessedLog log = WitnessedLog.registered(origin, key, door.clock().instant());
          tx.witnessedLogs().insert(log);
          return Performed.of(
              log, AuditObject.of("witness-log", origin, null), Map.of("key", key.encoded()));
        });
  }

  /** The registered logs and how far each has been cosigned (administrators). */
  public List<WitnessedLog> logs(RequestContext ctx) {
    return door.perform(
        ctx,
        Guarded.of("witness_log.list", Action.ADMINISTER, Resource.system(Resource.WITNESS)),
        (tx, resource) -> {
          List<WitnessedLog> logs = tx.witnessedLogs().list();
          return new Performed<>(logs, Optional.empty(), Map.of("count", logs.size()));
        });
  }

  /** This witness's public key in verifier-key form (type 0x04); every signed-in user may read. */
  public String publicKey(RequestContext ctx) {
    String key = cosigner.key().encoded();
    return door.perform(
        ctx,
        Guarded.of("witness.key", Action.VIEW, Resource.system(Resource.AUDIT_PROOFS)),
        (tx, resource) -> new Performed<>(key, Optional.empty(), Map.of("what", "witness-key")));
  }

  private static Checkpoint verified(WitnessedLog log, byte[] note) {
    return switch (new CheckpointVerifier(log.key(), log.origin(), LIMITS).verify(note)) {
      case CheckpointResult.Verified ok -> ok.checkpoint();
      case CheckpointResult.Rejected bad ->
          throw CheckpointRefused.badSignature(
              "the checkpoint is not signed by " + log.origin() + "'s key: " + bad.reason());
    };
  }
}
