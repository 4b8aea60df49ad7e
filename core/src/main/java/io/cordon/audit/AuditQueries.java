package io.cordon.audit;

import java.util.List;

/**
 * Port: searching the audit trail, used inside a {@link io.cordon.storage.Transaction}. Read-only;
 * the appending side is {@link AuditLog}. Results come in sequence order and are paged by keyset
 * (the filter's {@code fromSeq} is the cursor), never by offset, so a page costs the same at the
 * start of the trail as at its end, and events appended meanwhile never shift a page.
 */
public interface AuditQueries {
  /**
   * The first {@code limit} stored records that match, in ascending {@code seq}, with the bytes
   * their leaf hashes cover.
   *
   * @param limit at least 1
   */
  List<AuditRecord> search(AuditFilter filter, int limit);

  /** How many stored events match. */
  long count(AuditFilter filter);
}
