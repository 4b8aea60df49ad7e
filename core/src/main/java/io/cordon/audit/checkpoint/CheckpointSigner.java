package io.cordon.audit.checkpoint;

import io.cordon.context.CordonException;

/**
 * Signs checkpoints as signed notes. The key is named after the log's origin (API.md "Checkpoint
 * format"; c2sp.org/tlog-checkpoint recommends it), so that a verifier knows which key to expect
 * from the origin alone; a checkpoint of another origin is refused.
 *
 * <p>Thread-safe if the {@link NoteSigner} is.
 */
public final class CheckpointSigner {
  private final NoteSigner signer;

  public CheckpointSigner(NoteSigner signer) {
    if (signer == null) {
      throw new IllegalArgumentException("a checkpoint signer needs a key");
    }
    this.signer = signer;
  }

  /** The signed note of {@code checkpoint}: its body, a blank line and one signature line. */
  public String sign(Checkpoint checkpoint) {
    if (!checkpoint.origin().equals(signer.keyName())) {
      throw new CordonException.InvalidInput(
          "checkpoints of " + checkpoint.origin() + " are not signed by key " + signer.keyName());
    }
    return SignedNote.sign(checkpoint.body(), signer).encoded();
  }
}
