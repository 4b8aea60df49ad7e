package io.cordon.audit.tree;

/**
 * The outcome of verifying a Merkle proof. A rejection is an expected outcome (a tampered log, a
 * stale or forged proof), so it is a value with a reason rather than an exception.
 */
public sealed interface ProofResult {
  /** The proof holds. */
  ProofResult VERIFIED = new Verified();

  /** Whether the proof holds. */
  default boolean isVerified() {
    return this instanceof Verified;
  }

  /** The proof holds: the leaf is in the tree, or the earlier tree is a prefix of the later. */
  record Verified() implements ProofResult {}

  /** The proof does not hold, and why (for logs and operators, not for end users). */
  record Rejected(String reason) implements ProofResult {}
}
