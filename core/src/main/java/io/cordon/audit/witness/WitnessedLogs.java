package io.cordon.audit.witness;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the logs this installation witnesses and the latest checkpoint cosigned for each, used
 * inside a transaction.
 */
public interface WitnessedLogs {
  /** Registers a log; an origin already registered is a Conflict. */
  void insert(WitnessedLog log);

  Optional<WitnessedLog> find(String origin);

  /** Every registered log, by origin. */
  List<WitnessedLog> list();

  /**
   * Moves the log's latest cosigned checkpoint from {@code fromSize} to a larger {@code toSize}
   * with root {@code toRoot}, only if it still stands at {@code fromSize}: a compare-and-set, so
   * that of two concurrent submissions from the same size only one advances the log and the other
   * can never roll it back. (Sizes only grow, so the size alone identifies the state.)
   *
   * @return whether this call advanced it
   */
  boolean advance(String origin, long fromSize, long toSize, byte[] toRoot, Instant at);
}
