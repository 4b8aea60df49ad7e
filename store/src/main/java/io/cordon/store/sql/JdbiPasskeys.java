package io.cordon.store.sql;

import io.cordon.identity.Passkey;
import io.cordon.identity.Passkeys;
import io.cordon.identity.UserId;
import io.cordon.identity.WebAuthnChallenge;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Passkeys in {@code webauthn_credentials}, ceremony challenges in {@code webauthn_challenges}.
 * Lives as long as its transaction.
 */
final class JdbiPasskeys implements Passkeys {
  private static final RowMapper<Passkey> ROW =
      (rs, ctx) ->
          new Passkey(
              rs.getString("id"),
              new UserId(rs.getString("user_id")),
              rs.getString("credential_id"),
              rs.getString("public_key"),
              rs.getLong("sign_count"),
              rs.getString("label"),
              Columns.instant(rs, "created_ms"),
              Columns.optionalInstant(rs, "last_used_ms"));

  private static final RowMapper<WebAuthnChallenge> CHALLENGE =
      (rs, ctx) ->
          new WebAuthnChallenge(
              rs.getString("id"),
              rs.getString("session_id"),
              rs.getString("purpose"),
              rs.getString("request"),
              Columns.instant(rs, "expires_ms"));

  private final Handle handle;
  private final SqlDialect dialect;

  JdbiPasskeys(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public void insert(Passkey p) {
    try {
      handle
          .createUpdate(
              "INSERT INTO webauthn_credentials (id, user_id, credential_id, public_key,"
                  + " sign_count, label, created_ms, last_used_ms) VALUES (:id, :user, :cred,"
                  + " :key, :count, :label, :created, :used)")
          .bind("id", p.id())
          .bind("user", p.user().value())
          .bind("cred", p.credentialId())
          .bind("key", p.publicKeyCose())
          .bind("count", p.signCount())
          .bind("label", p.label())
          .bind("created", Columns.millis(p.created()))
          .bind("used", Columns.millis(p.lastUsed()))
          .execute();
    } catch (JdbiException e) {
      throw dialect.translate(e, "this credential is registered already");
    }
  }

  @Override
  public List<Passkey> listFor(UserId user) {
    return handle
        .createQuery(
            "SELECT * FROM webauthn_credentials WHERE user_id = :user ORDER BY created_ms, id")
        .bind("user", user.value())
        .map(ROW)
        .list();
  }

  @Override
  public int countFor(UserId user) {
    return handle
        .createQuery("SELECT COUNT(*) FROM webauthn_credentials WHERE user_id = :user")
        .bind("user", user.value())
        .mapTo(Integer.class)
        .one();
  }

  @Override
  public Optional<Passkey> findByCredentialId(String credentialId) {
    return handle
        .createQuery("SELECT * FROM webauthn_credentials WHERE credential_id = :cred")
        .bind("cred", credentialId)
        .map(ROW)
        .findOne();
  }

  @Override
  public boolean delete(UserId user, String id) {
    return handle
            .createUpdate("DELETE FROM webauthn_credentials WHERE id = :id AND user_id = :user")
            .bind("id", id)
            .bind("user", user.value())
            .execute()
        == 1;
  }

  @Override
  public boolean recordUse(String id, long signCount, Instant at) {
    return handle
            .createUpdate(
                "UPDATE webauthn_credentials SET sign_count = :count, last_used_ms = :at"
                    + " WHERE id = :id AND (sign_count < :count OR (sign_count = 0 AND :count = 0))")
            .bind("id", id)
            .bind("count", signCount)
            .bind("at", Columns.millis(at))
            .execute()
        == 1;
  }

  @Override
  public void insertChallenge(WebAuthnChallenge c) {
    handle
        .createUpdate(
            "INSERT INTO webauthn_challenges (id, session_id, purpose, request, expires_ms)"
                + " VALUES (:id, :session, :purpose, :request, :expires)")
        .bind("id", c.id())
        .bind("session", c.sessionId())
        .bind("purpose", c.purpose())
        .bind("request", c.request())
        .bind("expires", Columns.millis(c.expires()))
        .execute();
  }

  @Override
  public int countLiveChallenges(String sessionId, Instant now) {
    return handle
        .createQuery(
            "SELECT COUNT(*) FROM webauthn_challenges WHERE session_id = :s AND expires_ms > :now")
        .bind("s", sessionId)
        .bind("now", Columns.millis(now))
        .mapTo(Integer.class)
        .one();
  }

  @Override
  public Optional<WebAuthnChallenge> takeChallenge(String id, String sessionId) {
    Optional<WebAuthnChallenge> found =
        handle
            .createQuery("SELECT * FROM webauthn_challenges WHERE id = :id AND session_id = :s")
            .bind("id", id)
            .bind("s", sessionId)
            .map(CHALLENGE)
            .findOne();
    // The delete decides: of two transactions that read the row, only one deletes it.
    boolean taken =
        found.isPresent()
            && handle
                    .createUpdate(
                        "DELETE FROM webauthn_challenges WHERE id = :id AND session_id = :s")
                    .bind("id", id)
                    .bind("s", sessionId)
                    .execute()
                == 1;
    return taken ? found : Optional.empty();
  }

  @Override
  public int deleteExpiredChallenges(Instant before) {
    return handle
        .createUpdate("DELETE FROM webauthn_challenges WHERE expires_ms < :before")
        .bind("before", Columns.millis(before))
        .execute();
  }
}
