package io.cordon.store.sql;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEventCodec;
import io.cordon.audit.AuditLog;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The audit trail in {@code audit_events}, numbered through the single {@code audit_head} row.
 * Lives as long as its transaction.
 *
 * <p>Gapless numbering: the head is incremented by an UPDATE in the appending transaction. The
 * UPDATE takes the row's write lock (PostgreSQL) or runs under the database write lock (SQLite), so
 * a concurrent appender on any node waits until this transaction ends and then increments the
 * committed value; a rollback undoes the increment with the event. An {@code UPDATE … RETURNING}
 * does in one statement what {@code SELECT … FOR UPDATE} followed by an UPDATE would.
 *
 * <p>Because the head stays locked until commit, audited transactions serialise from their first
 * append on. Callers should append events as the last step of a transaction: that keeps the locked
 * span short and avoids lock-order deadlocks with other row locks (a file row locked by {@code
 * appendVersion}) on PostgreSQL.
 */
final class JdbiAuditLog implements AuditLog {
  private final Handle handle;

  JdbiAuditLog(Handle handle) {
    this.handle = handle;
  }

  @Override
  public AuditEvent append(AuditEvent event) {
    long seq =
        handle
            .createQuery(
                "UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq")
            .mapTo(Long.class)
            .one();
    AuditEvent stored = event.withSeq(seq);
    handle
        .createUpdate(
            "INSERT INTO audit_events (seq, time_ms, action, actor_user, actor_username,"
                + " object_type, object_id, workspace_id, outcome, event_json) VALUES (:seq,"
                + " :time, :action, :user, :username, :type, :object, :workspace, :outcome,"
                + " :json)")
        .bind("seq", seq)
        .bind("time", Columns.millis(stored.time()))
        .bind("action", stored.action())
        .bind("user", stored.actor().user().orElse(null))
        .bind("username", stored.actor().username().orElse(null))
        .bind("type", stored.object().map(AuditEvent.AuditObject::type).orElse(null))
        .bind("object", stored.object().map(AuditEvent.AuditObject::id).orElse(null))
        .bind("workspace", stored.object().flatMap(AuditEvent.AuditObject::workspace).orElse(null))
        .bind("outcome", stored.outcome().code())
        .bind("json", AuditEventCodec.toJson(stored))
        .execute();
    return stored;
  }

  @Override
  public List<AuditEvent> list(long fromSeq, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return handle
        .createQuery(
            "SELECT event_json FROM audit_events WHERE seq >= :from ORDER BY seq LIMIT :limit")
        .bind("from", fromSeq)
        .bind("limit", limit)
        .mapTo(String.class)
        .map(AuditEventCodec::fromJson)
        .list();
  }

  @Override
  public long lastSeq() {
    return handle
        .createQuery("SELECT last_seq FROM audit_head WHERE id = 1")
        .mapTo(Long.class)
        .one();
  }
}
