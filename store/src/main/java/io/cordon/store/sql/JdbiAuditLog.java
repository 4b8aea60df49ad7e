package io.cordon.store.sql;

import io.cordon.audit.AuditChain;
import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEventCodec;
import io.cordon.audit.AuditLog;
import io.cordon.audit.AuditRecord;
import io.cordon.audit.PreparedEvent;
import io.cordon.context.CordonException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The audit trail in {@code audit_events}, numbered through the single {@code audit_head} row.
 * Lives as long as its transaction.
 *
 * <p>Gapless numbering: a write batch locks the head row when it begins ({@link AuditHead}), each
 * append takes the next number and chain hash in memory, and the batch writes the head back just
 * before it commits. A concurrent writer on another node waits for the lock and then continues from
 * the committed head; a piece of work that rolls back to its savepoint returns its numbers.
 */
final class JdbiAuditLog implements AuditLog {
  private static final String INSERT =
      "INSERT INTO audit_events (seq, time_ms, action, actor_user, actor_username, object_type,"
          + " object_id, workspace_id, outcome, event_json, leaf_hash, chain_hash)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Handle handle;
  private final AuditHead head;

  /**
   * @param head the locked head of the write batch, or null in a read-only transaction
   */
  JdbiAuditLog(Handle handle, AuditHead head) {
    this.handle = handle;
    this.head = head;
  }

  @Override
  public AuditEvent append(AuditEvent event) {
    return append(PreparedEvent.of(event));
  }

  /**
   * Appends an event serialised beforehand: splices in the next number ({@link
   * PreparedEvent#leafData}), hashes the exact bytes stored, links the chain and inserts the row.
   */
  @Override
  public AuditEvent append(PreparedEvent event) {
    if (head == null) {
      throw new IllegalStateException("audit events are appended in write transactions only");
    }
    if (head.chain() == null) {
      throw new CordonException.IntegrityViolation(
          "the audit head has lost its chain hash; run cordon audit verify", null);
    }
    long seq = head.seq() + 1;
    AuditEvent stored = event.numbered(seq);
    byte[] leafHash = AuditChain.leafHash(event.leafData(seq));
    byte[] chain = AuditChain.link(head.chain(), leafHash);
    insert(stored, event.json(seq), leafHash, chain);
    head.advance(seq, chain);
    return stored;
  }

  private void insert(AuditEvent e, String json, byte[] leafHash, byte[] chain) {
    PreparedStatement insert = head.statements().get(INSERT);
    try {
      bindEventColumns(insert, e, json);
      insert.setBytes(11, leafHash);
      insert.setBytes(12, chain);
      insert.executeUpdate();
    } catch (SQLException failure) {
      throw BatchStatements.failed(failure);
    }
  }

  /**
   * Binds the first ten columns of an event row (seq to event_json), in the order of the trail's
   * insert; shared with the benchmark's unhashed baseline so both write the same row.
   */
  static void bindEventColumns(PreparedStatement insert, AuditEvent e, String json)
      throws SQLException {
    insert.setLong(1, e.seq());
    insert.setLong(2, Columns.millis(e.time()));
    insert.setString(3, e.action());
    insert.setString(4, e.actor().user().orElse(null));
    insert.setString(5, e.actor().username().orElse(null));
    insert.setString(6, e.object().map(AuditEvent.AuditObject::type).orElse(null));
    insert.setString(7, e.object().map(AuditEvent.AuditObject::id).orElse(null));
    insert.setString(8, e.object().flatMap(AuditEvent.AuditObject::workspace).orElse(null));
    insert.setString(9, e.outcome().code());
    insert.setString(10, json);
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
  public List<AuditRecord> records(long fromSeq, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    // Plain JDBC: verification reads millions of rows through here, and Jdbi's per-row mapping
    // cost more than reading the row.
    try (PreparedStatement read =
        handle
            .getConnection()
            .prepareStatement(
                "SELECT seq, event_json, leaf_hash, chain_hash FROM audit_events WHERE seq >= ?"
                    + " ORDER BY seq LIMIT ?")) {
      read.setLong(1, fromSeq);
      read.setInt(2, limit);
      read.setFetchSize(Math.min(limit, 10_000));
      List<AuditRecord> records = new ArrayList<>(Math.min(limit, 10_000));
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          // The stored UTF-8 as is: no decoding to a String and encoding back.
          records.add(
              new AuditRecord(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4)));
        }
      }
      return records;
    } catch (SQLException e) {
      throw BatchStatements.failed(e);
    }
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
    if (head != null) {
      return head.chain() == null ? null : head.chain().clone();
    }
    return handle
        .createQuery("SELECT last_chain FROM audit_head WHERE id = 1")
        .map((rs, ctx) -> rs.getBytes(1))
        .one();
  }

  @Override
  public long lastSeq() {
    if (head != null) {
      return head.seq();
    }
    return handle
        .createQuery("SELECT last_seq FROM audit_head WHERE id = 1")
        .mapTo(Long.class)
        .one();
  }
}
