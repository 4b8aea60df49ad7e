package io.cordon.store.sql;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEventCodec;
import io.cordon.audit.PreparedEvent;
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
  private final String insert;
  private final AtomicLong lastSeq = new AtomicLong();

  private UnhashedEventInserts(String table) {
    this.insert =
        "INSERT INTO "
            + table
            + " (seq, time_ms, action, actor_user, actor_username, object_type, object_id,"
            + " workspace_id, outcome, event_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  /**
   * Creates the baseline table, {@code bench_unhashed_events}, in the store's database (which must
   * be a throwaway one), with the trail's indexes: its primary key only, as the trail's search
   * indexes are built behind it (migration V13) rather than on the append path.
   */
  public static UnhashedEventInserts create(JdbiMetadataStore store) {
    String table = "bench_unhashed_events";
    createTable(store, table);
    return new UnhashedEventInserts(table);
  }

  /**
   * The same rows in a table that maintains the eight search indexes on every insert ({@code
   * bench_inline_indexed_events}), as the trail did before V13: for the benchmark to show what
   * building them behind the trail saves on the append path.
   */
  public static UnhashedEventInserts createInlineIndexed(JdbiMetadataStore store) {
    String table = "bench_inline_indexed_events";
    createTable(store, table);
    store.onWriteConnection(
        h -> {
          // The trail's former indexes (V1__initial.sql and V8__audit_search_indexes.sql).
          String t = table;
          h.execute("CREATE INDEX ix_bench_user ON " + t + " (actor_user, seq)");
          h.execute("CREATE INDEX ix_bench_username ON " + t + " (actor_username, seq)");
          h.execute("CREATE INDEX ix_bench_action ON " + t + " (action, seq)");
          h.execute("CREATE INDEX ix_bench_object ON " + t + " (object_type, object_id, seq)");
          h.execute("CREATE INDEX ix_bench_workspace ON " + t + " (workspace_id, seq)");
          h.execute("CREATE INDEX ix_bench_time ON " + t + " (time_ms)");
          h.execute("CREATE INDEX ix_bench_object_id ON " + t + " (object_id, seq)");
          h.execute("CREATE INDEX ix_bench_outcome ON " + t + " (outcome, seq)");
          return null;
        });
    return new UnhashedEventInserts(table);
  }

  private static void createTable(JdbiMetadataStore store, String table) {
    // The trail's own key: on SQLite seq is the rowid (migration V13), elsewhere a BIGINT key.
    String key = store.kind().equals("sqlite") ? "INTEGER" : "BIGINT";
    store.onWriteConnection(
        h ->
            h.execute(
                "CREATE TABLE "
                    + table
                    + " (seq "
                    + key
                    + " NOT NULL PRIMARY KEY, time_ms BIGINT NOT NULL, action TEXT"
                    + " NOT NULL, actor_user TEXT, actor_username TEXT, object_type TEXT,"
                    + " object_id TEXT, workspace_id TEXT, outcome TEXT NOT NULL, event_json TEXT"
                    + " NOT NULL)"));
  }

  /**
   * Inserts one event row serialised beforehand, in a transaction of its own through the store's
   * group commit, as {@link JdbiMetadataStore#appendAudit} does for the trail (grouped with other
   * appends behind one savepoint); returns it with its number once committed.
   */
  public AuditEvent insertAlone(JdbiMetadataStore store, PreparedEvent event) {
    return store.inRerunnableTransaction(
        tx -> {
          AuditEvent e = event.numbered(lastSeq.incrementAndGet());
          PreparedStatement statement = ((JdbiTransaction) tx).statements().get(insert);
          try {
            JdbiAuditLog.bindEventColumns(statement, e, event.json(e.seq()));
            statement.executeUpdate();
          } catch (SQLException failure) {
            throw BatchStatements.failed(failure);
          }
          return e;
        });
  }

  /** Inserts one event row in the transaction, numbered next; returns it with its number. */
  public AuditEvent insert(Transaction tx, AuditEvent event) {
    AuditEvent e = event.withSeq(lastSeq.incrementAndGet());
    // The same plain-JDBC statement, prepared once per batch, as the trail's own insert.
    PreparedStatement statement = ((JdbiTransaction) tx).statements().get(insert);
    try {
      JdbiAuditLog.bindEventColumns(statement, e, AuditEventCodec.toJson(e));
      statement.executeUpdate();
    } catch (SQLException failure) {
      throw BatchStatements.failed(failure);
    }
    return e;
  }
}
