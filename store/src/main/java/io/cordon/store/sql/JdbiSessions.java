package io.cordon.store.sql;

import io.cordon.context.AuthMethod;
import io.cordon.context.CordonException;
import io.cordon.identity.SessionAnchor;
import io.cordon.identity.SessionRecord;
import io.cordon.identity.Sessions;
import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/** Sessions in the {@code sessions} table. Lives as long as its transaction. */
final class JdbiSessions implements Sessions {
  private static final RowMapper<SessionRecord> ROW =
      (rs, ctx) ->
          new SessionRecord(
              rs.getString("id"),
              rs.getString("secret_hash"),
              new UserId(rs.getString("user_id")),
              authMethod(rs.getString("auth")),
              Columns.flag(rs, "mfa_pending"),
              rs.getString("client_ip"),
              Columns.instant(rs, "created_ms"),
              Columns.instant(rs, "last_seen_ms"),
              Columns.instant(rs, "expires_ms"),
              Columns.flag(rs, "revoked"),
              new SessionAnchor(
                  Columns.optionalInstant(rs, "second_factor_at_ms"),
                  Columns.optionalText(rs, "anchor_zone"),
                  Columns.optionalText(rs, "anchor_country"),
                  Columns.optionalText(rs, "device_id")));

  private final Handle handle;
  private final SqlDialect dialect;

  JdbiSessions(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public void insert(SessionRecord s) {
    try {
      handle
          .createUpdate(
              "INSERT INTO sessions (id, secret_hash, user_id, auth, mfa_pending, client_ip,"
                  + " created_ms, last_seen_ms, expires_ms, revoked, second_factor_at_ms,"
                  + " anchor_zone, anchor_country, device_id) VALUES (:id, :hash, :user, :auth,"
                  + " :mfa, :ip, :created, :seen, :expires, :revoked, :factorAt, :zone, :country,"
                  + " :device)")
          .bind("id", s.id())
          .bind("hash", s.secretHash())
          .bind("user", s.user().value())
          .bind("auth", s.auth().code())
          .bind("mfa", Columns.flag(s.mfaPending()))
          .bind("ip", s.clientIp())
          .bind("created", Columns.millis(s.created()))
          .bind("seen", Columns.millis(s.lastSeen()))
          .bind("expires", Columns.millis(s.expires()))
          .bind("revoked", Columns.flag(s.revoked()))
          .bind("factorAt", Columns.millis(s.anchor().secondFactorAt()))
          .bind("zone", s.anchor().zone().orElse(null))
          .bind("country", s.anchor().country().orElse(null))
          .bind("device", s.anchor().device().orElse(null))
          .execute();
    } catch (JdbiException e) {
      // Never echo the id or hash: both are credentials-adjacent.
      throw dialect.translate(e, "a session with this id or secret already exists");
    }
  }

  @Override
  public Optional<SessionRecord> findBySecretHash(String secretHash) {
    return handle
        .createQuery("SELECT * FROM sessions WHERE secret_hash = :hash")
        .bind("hash", secretHash)
        .map(ROW)
        .findOne();
  }

  @Override
  public Optional<SessionRecord> find(String id) {
    return handle
        .createQuery("SELECT * FROM sessions WHERE id = :id")
        .bind("id", id)
        .map(ROW)
        .findOne();
  }

  @Override
  public void update(SessionRecord s) {
    int rows =
        handle
            .createUpdate(
                "UPDATE sessions SET auth = :auth, mfa_pending = :mfa, last_seen_ms = :seen,"
                    + " expires_ms = :expires, revoked = :revoked,"
                    + " second_factor_at_ms = :factorAt, anchor_zone = :zone,"
                    + " anchor_country = :country, device_id = :device WHERE id = :id")
            .bind("id", s.id())
            .bind("auth", s.auth().code())
            .bind("mfa", Columns.flag(s.mfaPending()))
            .bind("seen", Columns.millis(s.lastSeen()))
            .bind("expires", Columns.millis(s.expires()))
            .bind("revoked", Columns.flag(s.revoked()))
            .bind("factorAt", Columns.millis(s.anchor().secondFactorAt()))
            .bind("zone", s.anchor().zone().orElse(null))
            .bind("country", s.anchor().country().orElse(null))
            .bind("device", s.anchor().device().orElse(null))
            .execute();
    if (rows == 0) {
      throw new CordonException.NotFound("no such session");
    }
  }

  @Override
  public int deleteExpired(Instant before) {
    return handle
        .createUpdate("DELETE FROM sessions WHERE expires_ms < :before")
        .bind("before", Columns.millis(before))
        .execute();
  }

  private static AuthMethod authMethod(String code) {
    for (AuthMethod m : AuthMethod.values()) {
      if (m.code().equals(code)) {
        return m;
      }
    }
    throw new IllegalStateException("unknown auth method code in sessions: " + code);
  }
}
