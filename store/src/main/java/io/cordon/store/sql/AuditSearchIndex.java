package io.cordon.store.sql;

import org.jdbi.v3.core.Handle;

/**
 * Builds the search copy of the audit trail ({@code audit_search}, migration V13) behind the trail:
 * copies the searchable columns of events after the watermark {@code
 * audit_search_state.indexed_seq} in one {@code INSERT … SELECT} and moves the watermark in the
 * same transaction. A crash before the commit leaves both as they were; after it, both have moved,
 * so the next run continues exactly where the last committed one stopped, never twice (a second
 * copy of a row would break the table's primary key, not the search).
 *
 * <p>Runs inside a write batch, whose lock on the audit head already makes it the only writer of
 * the trail on every node; it also locks the watermark row, so two indexers (two nodes, or a CLI
 * next to a server) take turns, each starting from the other's committed watermark. The watermark
 * never passes the head, so a row stored beyond the head (tampering) is never copied.
 *
 * <p>Stateless; each call works in the given handle's transaction.
 */
final class AuditSearchIndex {
  private AuditSearchIndex() {}

  /**
   * Copies up to {@code max} events after the watermark and moves it; returns how many sequence
   * numbers the watermark advanced (fewer than {@code max} once it has caught up with the head).
   */
  static int indexNext(Handle handle, SqlDialect dialect, AuditHead head, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    long from = lockWatermark(handle);
    long to = Math.min(from + max, head.seq());
    if (to <= from) {
      return 0;
    }
    handle
        .createUpdate(
            "INSERT INTO audit_search (seq, time_ms, action, actor_user, actor_username,"
                + " actor_org, object_type, object_id, workspace_id, outcome)"
                + " SELECT seq, time_ms, action, actor_user, actor_username, "
                + actorOrg(dialect)
                + ", object_type, object_id, workspace_id, outcome FROM audit_events"
                + " WHERE seq > :from AND seq <= :to")
        .bind("from", from)
        .bind("to", to)
        .execute();
    handle
        .createUpdate("UPDATE audit_search_state SET indexed_seq = :to WHERE id = 1")
        .bind("to", to)
        .execute();
    return (int) (to - from);
  }

  /** The watermark, as a read-only transaction sees it. */
  static long watermark(Handle handle) {
    return handle
        .createQuery("SELECT indexed_seq FROM audit_search_state WHERE id = 1")
        .mapTo(Long.class)
        .one();
  }

  private static long lockWatermark(Handle handle) {
    // As for the audit head: a no-op UPDATE takes the row lock on PostgreSQL and reads the newest
    // committed value at read committed.
    return handle
        .createQuery(
            "UPDATE audit_search_state SET indexed_seq = indexed_seq WHERE id = 1"
                + " RETURNING indexed_seq")
        .mapTo(Long.class)
        .one();
  }

  /** The actor's organisation out of the stored event, with each database's JSON function. */
  static String actorOrg(SqlDialect dialect) {
    return switch (dialect) {
      case SQLITE -> "json_extract(event_json, '$.actor.org')";
      case POSTGRESQL -> "(CAST(event_json AS jsonb) #>> '{actor,org}')";
    };
  }
}
