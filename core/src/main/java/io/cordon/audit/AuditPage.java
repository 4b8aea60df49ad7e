package io.cordon.audit;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a search: the records, and where the next page starts when this one was full. A short
 * page means the search reached the end of what was stored when it ran. Immutable.
 *
 * @param next the {@code from} (keyset cursor) of the next page, if there may be one
 */
public record AuditPage(List<AuditRecord> records, OptionalLong next) {
  public AuditPage {
    records = List.copyOf(records);
    next = next == null ? OptionalLong.empty() : next;
  }

  /** The page of {@code records} read with {@code limit} from a filter ending at {@code toSeq}. */
  static AuditPage of(List<AuditRecord> records, int limit, long toSeq) {
    if (records.size() < limit || records.isEmpty()) {
      return new AuditPage(records, OptionalLong.empty());
    }
    long last = records.getLast().seq();
    return new AuditPage(records, last >= toSeq ? OptionalLong.empty() : OptionalLong.of(last + 1));
  }
}
