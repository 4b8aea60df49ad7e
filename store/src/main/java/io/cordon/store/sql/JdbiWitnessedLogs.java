package io.cordon.store.sql;

import io.cordon.audit.checkpoint.VerifierKey;
import io.cordon.audit.witness.WitnessedLog;
import io.cordon.audit.witness.WitnessedLogs;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Witnessed logs in {@code witness_logs}. Lives as long as its transaction. */
final class JdbiWitnessedLogs implements WitnessedLogs {
  private static final String COLUMNS = "origin, verifier_key, tree_size, root_hash, updated_ms";
  private final Handle handle;

  JdbiWitnessedLogs(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(WitnessedLog log) {
    handle
        .createUpdate(
            "INSERT INTO witness_logs (" + COLUMNS + ") VALUES (:origin, :key, :size, :root, :at)")
        .bind("origin", log.origin())
        .bind("key", log.key().encoded())
        .bind("size", log.treeSize())
        .bind("root", log.treeSize() == 0 ? null : log.rootHash())
        .bind("at", Columns.millis(log.updated()))
        .execute();
  }

  @Override
  public Optional<WitnessedLog> find(String origin) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM witness_logs WHERE origin = :origin")
        .bind("origin", origin)
        .map((rs, ctx) -> read(rs))
        .findOne();
  }

  @Override
  public List<WitnessedLog> list() {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM witness_logs ORDER BY origin")
        .map((rs, ctx) -> read(rs))
        .list();
  }

  @Override
  public boolean advance(String origin, long fromSize, long toSize, byte[] toRoot, Instant at) {
    if (toSize <= fromSize) {
      throw new IllegalArgumentException("a witnessed log only grows");
    }
    // The WHERE clause is the compare: on PostgreSQL a concurrent transaction that updated the row
    // first makes this one re-read it after that commit and match nothing; SQLite serialises
    // writers outright.
    return handle
            .createUpdate(
                "UPDATE witness_logs SET tree_size = :to, root_hash = :root, updated_ms = :at"
                    + " WHERE origin = :origin AND tree_size = :from")
            .bind("to", toSize)
            .bind("root", toRoot)
            .bind("at", Columns.millis(at))
            .bind("origin", origin)
            .bind("from", fromSize)
            .execute()
        == 1;
  }

  private static WitnessedLog read(ResultSet rs) throws SQLException {
    byte[] root = rs.getBytes(4);
    return new WitnessedLog(
        rs.getString(1),
        VerifierKey.parse(rs.getString(2)),
        rs.getLong(3),
        root == null ? new byte[0] : root,
        Instant.ofEpochMilli(rs.getLong(5)));
  }
}
