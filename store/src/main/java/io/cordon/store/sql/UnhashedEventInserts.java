package io.cordon.store.sql;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEventCodec;
import io.cordon.storage.Transaction;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline of {@code cordon bench audit}: the same event rows as the audit trail, with the same
 * columns and indexes, encoded the same way and written through the same group-committed
 * transactions, but with no leaf hash, no chain hash and no audit head. The ratio of the trail's
 * append rate to this one's is the cost of making the trail tamper-evident. It writes to its own
 * table, {@code bench_unhashed_events}, which only a benchmark's throwaway database holds.
 *
 * <p>Thread-safe: numbers are handed out atomically (and in order, as all writes run on the store's
 * one writer thread).
 */
public final class UnhashedEventInserts {
  private static final String TABLE = "bench_unhashed_events";

  private static final String INSERT =
      "INSERT INTO "
          + TABLE
          + " (seq, time_ms, action, actor_user, actor_username, object_type, object_id,"
          + " workspace_id, outcome, event_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final AtomicLong lastSeq = new AtomicLong();

  private UnhashedEventInserts() {}

  /** Creates the baseline table in the store's database (which must be a throwaway one). */
  public static UnhashedEventInserts create(JdbiMetadataStore store) {
    store.onWriteConnection(
        h -> {
          h.execute(
              "CREATE TABLE "
                  + TABLE
                  + " (seq BIGINT NOT NULL PRIMARY KEY, time_ms BIGINT NOT NULL, action TEXT NOT"
                  + " NULL, actor_user TEXT, actor_username TEXT, object_type TEXT, object_id"
                  + " TEXT, workspace_id TEXT, outcome TEXT NOT NULL, event_json TEXT NOT NULL)");
          // The trail's indexes (V1__initial.sql), so both sides maintain the same B-trees.
          h.execute("CREATE INDEX ix_bench_user ON " + TABLE + " (actor_user, seq)");
          h.execute("CREATE INDEX ix_bench_username ON " + TABLE + " (actor_username, seq)");
          h.execute("CREATE INDEX ix_bench_action ON " + TABLE + " (action, seq)");
          h.execute("CREATE INDEX ix_bench_object ON " + TABLE + " (object_type, object_id, seq)");
          h.execute("CREATE INDEX ix_bench_workspace ON " + TABLE + " (workspace_id, seq)");
          h.execute("CREATE INDEX ix_bench_time ON " + TABLE + " (time_ms)");
          // And those of V8__audit_search_indexes.sql.
          h.execute("CREATE INDEX ix_bench_object_id ON " + TABLE + " (object_id, seq)");
          h.execute("CREATE INDEX ix_bench_outcome ON " + TABLE + " (outcome, seq)");
          return null;
        });
    return new UnhashedEventInserts();
  }

  /** Inserts one event row in the transaction, numbered next; returns it with its number. */
  public AuditEvent insert(Transaction tx, AuditEvent event) {
    AuditEvent e = event.withSeq(lastSeq.incrementAndGet());
    // The same plain-JDBC statement, prepared once per batch, as the trail's own insert.
    PreparedStatement insert = ((JdbiTransaction) tx).statements().get(INSERT);
    try {
      JdbiAuditLog.bindEventColumns(insert, e, AuditEventCodec.toJson(e));
      insert.executeUpdate();
    } catch (SQLException failure) {
      throw BatchStatements.failed(failure);
    }
    return e;
  }
}
