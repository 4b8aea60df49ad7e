package io.cordon.store.sql;

import io.cordon.audit.Checkpoints;
import io.cordon.audit.StoredCheckpoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Checkpoints in {@code audit_checkpoints}. Lives as long as its transaction. */
final class JdbiCheckpoints implements Checkpoints {
  private static final String COLUMNS = "tree_size, root_hash, note, created_ms";
  private final Handle handle;

  JdbiCheckpoints(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(StoredCheckpoint c) {
    handle
        .createUpdate(
            "INSERT INTO audit_checkpoints (" + COLUMNS + ") VALUES (:size, :root, :note, :at)")
        .bind("size", c.treeSize())
        .bind("root", c.rootHash())
        .bind("note", c.note())
        .bind("at", Columns.millis(c.created()))
        .execute();
  }

  @Override
  public Optional<StoredCheckpoint> latest() {
    return handle
        .createQuery(
            "SELECT " + COLUMNS + " FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1")
        .map((rs, ctx) -> read(rs))
        .findOne();
  }

  @Override
  public List<StoredCheckpoint> list(long fromSize, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM audit_checkpoints WHERE tree_size >= :from ORDER BY tree_size LIMIT :limit")
        .bind("from", fromSize)
        .bind("limit", limit)
        .map((rs, ctx) -> read(rs))
        .list();
  }

  private static StoredCheckpoint read(ResultSet rs) throws SQLException {
    return new StoredCheckpoint(
        rs.getLong(1), rs.getBytes(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
  }
}
