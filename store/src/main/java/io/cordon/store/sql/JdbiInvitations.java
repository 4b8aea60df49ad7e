package io.cordon.store.sql;

import io.cordon.identity.UserId;
import io.cordon.sharing.Invitation;
import io.cordon.sharing.Invitations;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Invitations in {@code invitations}, keyed by the SHA-256 of their token; spending is a
 * conditional UPDATE, so a token works once even when presented twice at the same moment. Lives as
 * long as its transaction.
 */
final class JdbiInvitations implements Invitations {
  private static final RowMapper<Invitation> ROW =
      (rs, ctx) ->
          new Invitation(
              rs.getString("token_sha256"),
              new UserId(rs.getString("user_id")),
              Columns.instant(rs, "created_ms"),
              Columns.instant(rs, "expires_ms"),
              Columns.optionalInstant(rs, "used_ms"));

  private final Handle handle;

  JdbiInvitations(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(Invitation i) {
    handle
        .createUpdate(
            "INSERT INTO invitations (token_sha256, user_id, created_ms, expires_ms, used_ms)"
                + " VALUES (:hash, :user, :created, :expires, :used)")
        .bind("hash", i.tokenSha256())
        .bind("user", i.user().value())
        .bind("created", Columns.millis(i.created()))
        .bind("expires", Columns.millis(i.expires()))
        .bind("used", Columns.millis(i.used()))
        .execute();
  }

  @Override
  public Optional<Invitation> find(String tokenSha256) {
    return handle
        .createQuery("SELECT * FROM invitations WHERE token_sha256 = :hash")
        .bind("hash", tokenSha256)
        .map(ROW)
        .findOne();
  }

  @Override
  public boolean spend(String tokenSha256, Instant at) {
    return handle
            .createUpdate(
                "UPDATE invitations SET used_ms = :at"
                    + " WHERE token_sha256 = :hash AND used_ms IS NULL AND expires_ms > :at")
            .bind("at", Columns.millis(at))
            .bind("hash", tokenSha256)
            .execute()
        == 1;
  }
}
