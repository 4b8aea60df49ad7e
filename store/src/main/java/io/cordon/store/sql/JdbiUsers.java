package io.cordon.store.sql;

import io.cordon.context.CordonException;
import io.cordon.identity.OrgId;
import io.cordon.identity.User;
import io.cordon.identity.UserId;
import io.cordon.identity.UserStatus;
import io.cordon.identity.Users;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Users in the {@code users} table. Usernames are unique through a lowercased copy ({@link
 * Locale#ROOT}, so the server's locale never changes which names collide). Lives as long as its
 * transaction.
 */
final class JdbiUsers implements Users {
  private static final RowMapper<User> ROW =
      (rs, ctx) ->
          new User(
              new UserId(rs.getString("id")),
              rs.getString("username"),
              rs.getString("email"),
              new OrgId(rs.getString("org_id")),
              Columns.set(rs, "roles"),
              Columns.optionalText(rs, "password_hash"),
              Columns.optionalText(rs, "totp_sealed"),
              Columns.flag(rs, "totp_enabled"),
              rs.getLong("totp_last_step"),
              rs.getInt("failed_logins"),
              Columns.optionalInstant(rs, "locked_until_ms"),
              UserStatus.fromCode(rs.getString("status")),
              Columns.instant(rs, "created_ms"),
              Columns.optionalText(rs, "display_name"));

  private final Handle handle;
  private final SqlDialect dialect;

  JdbiUsers(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public void insert(User user) {
    try {
      bind(
              handle.createUpdate(
                  "INSERT INTO users (id, username, username_lower, email, org_id, roles,"
                      + " password_hash, totp_sealed, totp_enabled, totp_last_step,"
                      + " failed_logins, locked_until_ms, status, created_ms, display_name)"
                      + " VALUES (:id, :username, :lower, :email, :org, :roles, :password, :totp,"
                      + " :totpEnabled, :totpStep, :failed, :locked, :status, :created,"
                      + " :displayName)"),
              user)
          .bind("created", Columns.millis(user.created()))
          .execute();
    } catch (JdbiException e) {
      throw dialect.translate(e, taken(user));
    }
  }

  @Override
  public void update(User user) {
    int rows;
    try {
      rows =
          bind(
                  handle.createUpdate(
                      "UPDATE users SET username = :username, username_lower = :lower,"
                          + " email = :email, org_id = :org, roles = :roles,"
                          + " password_hash = :password, totp_sealed = :totp,"
                          + " totp_enabled = :totpEnabled, totp_last_step = :totpStep,"
                          + " failed_logins = :failed,"
                          + " locked_until_ms = :locked, status = :status,"
                          + " display_name = :displayName WHERE id = :id"),
                  user)
              .execute();
    } catch (JdbiException e) {
      throw dialect.translate(e, taken(user));
    }
    if (rows == 0) {
      throw new CordonException.NotFound("no user " + user.id());
    }
  }

  @Override
  public void setLoginFailures(UserId id, int failures, Optional<Instant> lockedUntil) {
    int rows =
        handle
            .createUpdate(
                "UPDATE users SET failed_logins = :failed, locked_until_ms = :locked WHERE id = :id")
            .bind("id", id.value())
            .bind("failed", failures)
            .bind("locked", Columns.millis(lockedUntil))
            .execute();
    if (rows == 0) {
      throw new CordonException.NotFound("no user " + id);
    }
  }

  @Override
  public boolean advanceTotpStep(UserId id, long step) {
    return handle
            .createUpdate(
                "UPDATE users SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
            .bind("id", id.value())
            .bind("step", step)
            .execute()
        == 1;
  }

  @Override
  public Optional<User> find(UserId id) {
    return handle
        .createQuery("SELECT * FROM users WHERE id = :id")
        .bind("id", id.value())
        .map(ROW)
        .findOne();
  }

  @Override
  public Optional<User> findByUsername(String username) {
    return handle
        .createQuery("SELECT * FROM users WHERE username_lower = :lower")
        .bind("lower", lower(username))
        .map(ROW)
        .findOne();
  }

  @Override
  public List<User> list() {
    return handle.createQuery("SELECT * FROM users ORDER BY username_lower").map(ROW).list();
  }

  private static <S extends SqlStatement<S>> S bind(S statement, User user) {
    return statement
        .bind("id", user.id().value())
        .bind("username", user.username())
        .bind("lower", lower(user.username()))
        .bind("email", user.email())
        .bind("org", user.org().value())
        .bind("roles", Columns.set(user.roles()))
        .bind("password", user.passwordHash().orElse(null))
        .bind("totp", user.totpSealed().orElse(null))
        .bind("totpEnabled", Columns.flag(user.totpEnabled()))
        .bind("totpStep", user.totpLastStep())
        .bind("failed", user.failedLogins())
        .bind("locked", Columns.millis(user.lockedUntil()))
        .bind("status", user.status().code())
        .bind("displayName", user.displayName().orElse(null));
  }

  private static String lower(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  private static String taken(User user) {
    return "the username '" + user.username() + "' is taken";
  }
}
