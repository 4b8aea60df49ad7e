package io.cordon.store.sql;

import io.cordon.context.CordonException;
import io.cordon.identity.ApiTokenRecord;
import io.cordon.identity.ApiTokens;
import io.cordon.identity.UserId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/** API tokens in the {@code api_tokens} table. Lives as long as its transaction. */
final class JdbiApiTokens implements ApiTokens {
  private static final RowMapper<ApiTokenRecord> ROW =
      (rs, ctx) ->
          new ApiTokenRecord(
              rs.getString("id"),
              rs.getString("secret_hash"),
              new UserId(rs.getString("user_id")),
              Columns.set(rs, "scopes"),
              Columns.instant(rs, "created_ms"),
              Columns.instant(rs, "expires_ms"),
              Columns.flag(rs, "revoked"));

  private final Handle handle;
  private final SqlDialect dialect;

  JdbiApiTokens(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public void insert(ApiTokenRecord t) {
    try {
      handle
          .createUpdate(
              "INSERT INTO api_tokens (id, secret_hash, user_id, scopes, created_ms, expires_ms,"
                  + " revoked) VALUES (:id, :hash, :user, :scopes, :created, :expires, :revoked)")
          .bind("id", t.id())
          .bind("hash", t.secretHash())
          .bind("user", t.user().value())
          .bind("scopes", Columns.set(t.scopes()))
          .bind("created", Columns.millis(t.created()))
          .bind("expires", Columns.millis(t.expires()))
          .bind("revoked", Columns.flag(t.revoked()))
          .execute();
    } catch (JdbiException e) {
      throw dialect.translate(e, "a token with this id or secret already exists");
    }
  }

  @Override
  public Optional<ApiTokenRecord> findBySecretHash(String secretHash) {
    return handle
        .createQuery("SELECT * FROM api_tokens WHERE secret_hash = :hash")
        .bind("hash", secretHash)
        .map(ROW)
        .findOne();
  }

  @Override
  public Optional<ApiTokenRecord> find(String id) {
    return handle
        .createQuery("SELECT * FROM api_tokens WHERE id = :id")
        .bind("id", id)
        .map(ROW)
        .findOne();
  }

  @Override
  public List<ApiTokenRecord> listForUser(UserId user) {
    return handle
        .createQuery("SELECT * FROM api_tokens WHERE user_id = :user ORDER BY created_ms, id")
        .bind("user", user.value())
        .map(ROW)
        .list();
  }

  @Override
  public void revoke(String id) {
    int rows =
        handle
            .createUpdate("UPDATE api_tokens SET revoked = 1 WHERE id = :id")
            .bind("id", id)
            .execute();
    if (rows == 0) {
      throw new CordonException.NotFound("no such token");
    }
  }
}
