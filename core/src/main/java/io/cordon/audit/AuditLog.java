package io.cordon.audit;

import java.util.List;

/**
 * Port: the append-only audit trail, used inside a {@link io.cordon.storage.Transaction} so that an
 * event commits with the change it describes. Sequence numbers start at 1 and have no gaps, even
 * with several writers on several nodes (the adapter serialises appends through the database).
 * Appending computes the event's leaf and chain hashes ({@link AuditChain}) from the exact bytes it
 * stores.
 */
public interface AuditLog {
  /**
   * Appends the event, assigning the next sequence number.
   *
   * @return the event as stored, with its {@code seq}
   */
  AuditEvent append(AuditEvent event);

  /**
   * Appends an event serialised beforehand (on the caller's thread), assigning the next sequence
   * number; stores exactly the bytes {@link #append(AuditEvent)} would.
   *
   * @return the event as stored, with its {@code seq}
   */
  default AuditEvent append(PreparedEvent event) {
    return append(event.event());
  }

  /** Events with {@code seq >= fromSeq}, in order, at most {@code limit}. */
  List<AuditEvent> list(long fromSeq, int limit);

  /**
   * Records with {@code seq >= fromSeq}, in order, at most {@code limit}: the stored bytes and
   * hashes, for export and verification.
   */
  List<AuditRecord> records(long fromSeq, int limit);

  /** The stored leaf hashes of events {@code fromSeq…}, in order, at most {@code limit}. */
  List<byte[]> leafHashes(long fromSeq, int limit);

  /** The highest assigned sequence number, 0 for an empty trail. */
  long lastSeq();

  /**
   * The chain hash recorded with the newest event ({@link AuditChain#genesis()} for an empty
   * trail); null if the head has lost it.
   */
  byte[] headChain();
}
