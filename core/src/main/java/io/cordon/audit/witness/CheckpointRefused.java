package io.cordon.audit.witness;

import io.cordon.context.CordonException;
import java.util.OptionalLong;

/**
 * A witness refused to cosign a checkpoint of a log it knows, for one of the reasons of
 * c2sp.org/tlog-witness "add-checkpoint" that have their own answer: the log's signature does not
 * verify (403), the submitted old size or root disagrees with the latest cosigned checkpoint (409,
 * with that checkpoint's size), or the consistency proof does not verify (422). Nothing was
 * cosigned or changed.
 */
public final class CheckpointRefused extends CordonException {
  /** Why, each with its HTTP status in the protocol. */
  public enum Reason {
    BAD_SIGNATURE("witness-bad-signature", 403),
    CONFLICT("witness-conflict", 409),
    BAD_PROOF("witness-bad-proof", 422);

    private final String type;
    private final int status;

    Reason(String type, int status) {
      this.type = type;
      this.status = status;
    }

    /** The HTTP status c2sp.org/tlog-witness prescribes. */
    public int status() {
      return status;
    }
  }

  private final Reason reason;
  private final OptionalLong latestSize;

  private CheckpointRefused(Reason reason, String message, OptionalLong latestSize) {
    super(reason.type, message, null);
    this.reason = reason;
    this.latestSize = latestSize;
  }

  static CheckpointRefused badSignature(String message) {
    return new CheckpointRefused(Reason.BAD_SIGNATURE, message, OptionalLong.empty());
  }

  static CheckpointRefused conflict(String message, long latestSize) {
    return new CheckpointRefused(Reason.CONFLICT, message, OptionalLong.of(latestSize));
  }

  static CheckpointRefused badProof(String message) {
    return new CheckpointRefused(Reason.BAD_PROOF, message, OptionalLong.empty());
  }

  public Reason reason() {
    return reason;
  }

  /** For a conflict, the size of the latest checkpoint the witness cosigned for the log. */
  public OptionalLong latestSize() {
    return latestSize;
  }
}
