package io.cordon.store.sql;

import io.cordon.audit.AuditChain;
import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEventCodec;
import io.cordon.audit.AuditLog;
import io.cordon.audit.AuditRecord;
import io.cordon.context.CordonException;
import java.nio.charset.StandardCharsets;
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
    Head head =
        handle
            .createQuery(
                "UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1"
                    + " RETURNING last_seq, last_chain")
            .map((rs, ctx) -> new Head(rs.getLong(1), rs.getBytes(2)))
            .one();
    if (head.chain() == null) {
      throw new CordonException.IntegrityViolation(
          "the audit head has lost its chain hash; run cordon audit verify", null);
    }
    AuditEvent stored = event.withSeq(head.seq());
    String json = AuditEventCodec.toJson(stored);
    byte[] leafHash = AuditChain.leafHash(json.getBytes(StandardCharsets.UTF_8));
    byte[] chain = AuditChain.link(head.chain(), leafHash);
    handle
        .createUpdate(
            "INSERT INTO audit_events (seq, time_ms, action, actor_user, actor_username,"
                + " object_type, object_id, workspace_id, outcome, event_json, leaf_hash,"
                + " chain_hash) VALUES (:seq, :time, :action, :user, :username, :type, :object,"
                + " :workspace, :outcome, :json, :leaf, :chain)")
        .bind("seq", head.seq())
        .bind("time", Columns.millis(stored.time()))
        .bind("action", stored.action())
        .bind("user", stored.actor().user().orElse(null))
        .bind("username", stored.actor().username().orElse(null))
        .bind("type", stored.object().map(AuditEvent.AuditObject::type).orElse(null))
        .bind("object", stored.object().map(AuditEvent.AuditObject::id).orElse(null))
        .bind("workspace", stored.object().flatMap(AuditEvent.AuditObject::workspace).orElse(null))
        .bind("outcome", stored.outcome().code())
        .bind("json", json)
        .bind("leaf", leafHash)
        .bind("chain", chain)
        .execute();
    handle
        .createUpdate("UPDATE audit_head SET last_chain = :chain WHERE id = 1")
        .bind("chain", chain)
        .execute();
    return stored;
  }

  private record Head(long seq, byte[] chain) {}

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
  public List<AuditRecord> records(long fromSeq, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return handle
        .createQuery(
            "SELECT seq, event_json, leaf_hash, chain_hash FROM audit_events WHERE seq >= :from"
                + " ORDER BY seq LIMIT :limit")
        .bind("from", fromSeq)
        .bind("limit", limit)
        .map(
            (rs, ctx) ->
                new AuditRecord(
                    rs.getLong(1),
                    rs.getString(2).getBytes(StandardCharsets.UTF_8),
                    rs.getBytes(3),
                    rs.getBytes(4)))
        .list();
  }

  @Override
  public List<byte[]> leafHashes(long fromSeq, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return handle
        .createQuery(
            "SELECT leaf_hash FROM audit_events WHERE seq >= :from ORDER BY seq LIMIT :limit")
        .bind("from", fromSeq)
        .bind("limit", limit)
        .map((rs, ctx) -> rs.getBytes(1))
        .list();
  }

  @Override
  public byte[] headChain() {
    return handle
        .createQuery("SELECT last_chain FROM audit_head WHERE id = 1")
        .map((rs, ctx) -> rs.getBytes(1))
        .one();
  }

  @Override
  public long lastSeq() {
    return handle
        .createQuery("SELECT last_seq FROM audit_head WHERE id = 1")
        .mapTo(Long.class)
        .one();
  }
}
