package io.cordon.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes a stored trail from its bytes: sequence numbers run from 1 to the head without gaps,
 * every event's bytes match its leaf hash and parse as an event carrying its own seq, every chain
 * hash follows from the one before, and the head's chain is the last event's. Names the first
 * sequence number that fails. Reads the trail a page at a time, so memory stays flat on a long one.
 * Stateless.
 */
public final class TrailVerifier {
  private static final int PAGE = 1000;

  private TrailVerifier() {}

  /** Verifies {@code log} as one consistent read sees it (call within one transaction). */
  public static VerifyResult verify(AuditLog log) {
    long last = log.lastSeq();
    byte[] chain = AuditChain.genesis();
    long expected = 1;
    while (expected <= last) {
      List<AuditRecord> page = log.records(expected, PAGE);
      if (page.isEmpty()) {
        return new VerifyResult.Broken(
            expected, "missing: the trail ends at " + (expected - 1) + ", the head says " + last);
      }
      for (AuditRecord r : page) {
        if (r.seq() > last) {
          return new VerifyResult.Broken(r.seq(), "stored beyond the head (" + last + ")");
        }
        if (r.seq() != expected) {
          return new VerifyResult.Broken(expected, "missing; the next stored event is " + r.seq());
        }
        Optional<String> fault = RecordCheck.fault(r, chain);
        if (fault.isPresent()) {
          return new VerifyResult.Broken(expected, fault.get());
        }
        chain = r.chainHash();
        expected++;
      }
    }
    if (!log.records(last + 1, 1).isEmpty()) {
      return new VerifyResult.Broken(last + 1, "stored beyond the head (" + last + ")");
    }
    if (!Arrays.equals(chain, log.headChain())) {
      return new VerifyResult.Broken(
          last + 1,
          "the head's chain hash does not end at event "
              + last
              + ": events after it were removed, or the head was altered");
    }
    return new VerifyResult.Intact(last);
  }
}
