package io.cordon.audit.checkpoint;

/**
 * The outcome of verifying a signed checkpoint. A rejection is an expected outcome (a forged,
 * damaged or foreign checkpoint), so it is a value with a reason rather than an exception.
 */
public sealed interface CheckpointResult {
  /** Whether the checkpoint was verified. */
  default boolean isVerified() {
    return this instanceof Verified;
  }

  /** Signed by the trusted key, well formed, and from the expected log. */
  record Verified(Checkpoint checkpoint) implements CheckpointResult {}

  /** Not to be trusted, and why (for logs and operators). */
  record Rejected(String reason) implements CheckpointResult {}
}
