package io.cordon.store.sql;

import io.cordon.context.CordonException;
import io.cordon.crypto.KeysetId;
import io.cordon.crypto.KeysetRecord;
import io.cordon.crypto.KeysetStatus;
import io.cordon.crypto.Keysets;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Wrapped keysets in the {@code keysets} table; a destroyed keyset keeps its row with {@code
 * wrapped} NULL. Lives as long as its transaction.
 */
final class JdbiKeysets implements Keysets {
  private static final RowMapper<KeysetRecord> ROW =
      (rs, ctx) ->
          new KeysetRecord(
              new KeysetId(rs.getString("id")),
              rs.getString("purpose"),
              Optional.ofNullable(rs.getBytes("wrapped")),
              rs.getLong("primary_key_id"),
              KeysetStatus.fromCode(rs.getString("status")),
              Columns.instant(rs, "created_ms"),
              Columns.instant(rs, "rotated_ms"));

  private final Handle handle;
  private final SqlDialect dialect;

  JdbiKeysets(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public void insert(KeysetRecord k) {
    try {
      handle
          .createUpdate(
              "INSERT INTO keysets (id, purpose, wrapped, primary_key_id, status, created_ms,"
                  + " rotated_ms) VALUES (:id, :purpose, :wrapped, :primary, :status, :created,"
                  + " :rotated)")
          .bind("id", k.id().value())
          .bind("purpose", k.purpose())
          .bind("wrapped", k.wrapped().orElse(null))
          .bind("primary", k.primaryKeyId())
          .bind("status", k.status().code())
          .bind("created", Columns.millis(k.created()))
          .bind("rotated", Columns.millis(k.rotated()))
          .execute();
    } catch (JdbiException e) {
      throw dialect.translate(e, "keyset " + k.id() + " already exists");
    }
  }

  @Override
  public Optional<KeysetRecord> find(KeysetId id) {
    return handle
        .createQuery("SELECT * FROM keysets WHERE id = :id")
        .bind("id", id.value())
        .map(ROW)
        .findOne();
  }

  @Override
  public void update(KeysetRecord k) {
    int rows =
        handle
            .createUpdate(
                "UPDATE keysets SET wrapped = :wrapped, primary_key_id = :primary,"
                    + " status = :status, rotated_ms = :rotated WHERE id = :id")
            .bind("id", k.id().value())
            .bind("wrapped", k.wrapped().orElse(null))
            .bind("primary", k.primaryKeyId())
            .bind("status", k.status().code())
            .bind("rotated", Columns.millis(k.rotated()))
            .execute();
    if (rows == 0) {
      throw new CordonException.NotFound("no keyset " + k.id());
    }
  }
}
