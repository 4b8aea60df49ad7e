package io.cordon.inspect;

import io.cordon.content.FileId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the inspection record of every file version. A version's record is inserted pending in the
 * transaction that appends the version and is replaced by its verdict in the transaction of the
 * verdict's audit event. Workers claim pending versions with a lease, so a version whose worker
 * died (a killed node) is claimed again once the lease lapses.
 */
public interface Inspections {
  /** One version, by file and number. */
  record VersionKey(FileId file, int number) {
    public VersionKey {
      if (file == null || number < 1) {
        throw new IllegalArgumentException("a version key needs a file and a number >= 1");
      }
    }
  }

  /** Records a new version as pending. */
  void insert(VersionKey version, Verdict pending);

  Optional<Verdict> find(VersionKey version);

  /**
   * Claims up to {@code limit} pending versions whose lease lapsed before {@code now}: sets their
   * lease to {@code leaseUntil} and counts an attempt. Oldest first. Two claimers in concurrent
   * transactions never get the same version (the update is conditional on the old lease).
   */
  List<VersionKey> claimPending(Instant now, Instant leaseUntil, int limit);

  /** Replaces the record of a version (its verdict, or a new label). */
  void update(VersionKey version, Verdict verdict);

  /** How many versions are pending (for readiness and tests). */
  long countPending();
}
