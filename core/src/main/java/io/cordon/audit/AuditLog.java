package io.cordon.audit;

import java.util.List;

/**
 * Port: the append-only audit trail, used inside a {@link io.cordon.storage.Transaction} so that an
 * event commits with the change it describes. Sequence numbers start at 1 and have no gaps, even
 * with several writers on several nodes (the adapter serialises appends through the database).
 */
public interface AuditLog {
  /**
   * Appends the event, assigning the next sequence number.
   *
   * @return the event as stored, with its {@code seq}
   */
  AuditEvent append(AuditEvent event);

  /** Events with {@code seq >= fromSeq}, in order, at most {@code limit}. */
  List<AuditEvent> list(long fromSeq, int limit);

  /** The highest assigned sequence number, 0 for an empty trail. */
  long lastSeq();
}
