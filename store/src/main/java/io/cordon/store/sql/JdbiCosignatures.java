package io.cordon.store.sql;

import io.cordon.audit.Cosignatures;
import io.cordon.audit.StoredCosignature;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/** Cosignatures in {@code audit_cosignatures}. Lives as long as its transaction. */
final class JdbiCosignatures implements Cosignatures {
  private final Handle handle;

  JdbiCosignatures(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(StoredCosignature c) {
    // ON CONFLICT … DO NOTHING is spelled the same on SQLite (3.24+) and PostgreSQL (9.5+).
    handle
        .createUpdate(
            "INSERT INTO audit_cosignatures (tree_size, witness, line, cosigned_ms)"
                + " VALUES (:size, :witness, :line, :at) ON CONFLICT (tree_size, witness) DO NOTHING")
        .bind("size", c.treeSize())
        .bind("witness", c.witness())
        .bind("line", c.line())
        .bind("at", Columns.millis(c.cosigned()))
        .execute();
  }

  @Override
  public List<StoredCosignature> forCheckpoint(long treeSize) {
    return handle
        .createQuery(
            "SELECT tree_size, witness, line, cosigned_ms FROM audit_cosignatures"
                + " WHERE tree_size = :size ORDER BY witness")
        .bind("size", treeSize)
        .map(
            (rs, ctx) ->
                new StoredCosignature(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    Instant.ofEpochMilli(rs.getLong(4))))
        .list();
  }

  @Override
  public OptionalLong latestSize(String witness) {
    return handle
        .createQuery("SELECT MAX(tree_size) FROM audit_cosignatures WHERE witness = :witness")
        .bind("witness", witness)
        .mapTo(Long.class)
        .findOne()
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }
}
