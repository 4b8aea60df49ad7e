package io.cordon.audit;

/** The outcome of verifying the audit trail. */
public sealed interface VerifyResult {
  /** Every event from 1 to {@code events} is present and well-formed. */
  record Intact(long events) implements VerifyResult {}

  /** The first sequence number at which the trail does not hold, and why. */
  record Broken(long seq, String reason) implements VerifyResult {}
}
