package io.cordon.audit.witness;

import io.cordon.audit.checkpoint.Checkpoint;
import io.cordon.audit.tree.ProofResult;
import io.cordon.audit.tree.ProofVerifier;
import io.cordon.context.CordonException;
import java.util.Arrays;

/**
 * The checks of c2sp.org/tlog-witness "add-checkpoint" that follow the signature check, in the
 * order the specification gives them: the old size is at most the checkpoint's (else 400), equals
 * the latest cosigned size (else 409), the consistency proof from there verifies (else 422), and at
 * an unchanged size the root is unchanged (else 409: the log forked). Stateless.
 */
final class WitnessRules {
  private WitnessRules() {}

  static void checkExtends(WitnessedLog log, AddCheckpointRequest request, Checkpoint checkpoint) {
    long old = request.oldSize();
    long size = checkpoint.treeSize();
    if (old > size) {
      throw new CordonException.InvalidInput(
          "the old size " + old + " is larger than the checkpoint's size " + size);
    }
    if (old != log.treeSize()) {
      throw CheckpointRefused.conflict(
          "the latest checkpoint cosigned for "
              + log.origin()
              + " has size "
              + log.treeSize()
              + ", not "
              + old,
          log.treeSize());
    }
    if (old == size) {
      if (size > 0 && !Arrays.equals(log.rootHash(), checkpoint.rootHash())) {
        throw CheckpointRefused.conflict(
            "a different root for size " + size + " than the one cosigned: the log forked",
            log.treeSize());
      }
      requireEmpty(request, "between equal sizes the consistency proof is empty");
      return;
    }
    if (old == 0) {
      requireEmpty(request, "the consistency proof from size 0 is empty");
      return;
    }
    ProofResult proof =
        ProofVerifier.verifyConsistency(
            old, size, request.proof(), log.rootHash(), checkpoint.rootHash());
    if (proof instanceof ProofResult.Rejected bad) {
      throw CheckpointRefused.badProof(
          "the consistency proof from "
              + old
              + " to "
              + size
              + " does not verify: "
              + bad.reason());
    }
  }

  private static void requireEmpty(AddCheckpointRequest request, String message) {
    if (!request.proof().isEmpty()) {
      throw CheckpointRefused.badProof(message);
    }
  }
}
