package io.cordon.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: stored user accounts. Usernames are unique, compared case-insensitively. */
public interface Users {
  /**
   * @throws io.cordon.context.CordonException.Conflict if the username is taken
   */
  void insert(User user);

  /** Replaces every mutable field of the stored user with the given one's. */
  void update(User user);

  /**
   * Records {@code step} as the user's last spent TOTP step if it is later than the stored one,
   * atomically against concurrent transactions, so one code cannot be spent twice even by two
   * requests at once (RFC 6238 §5.2).
   *
   * @return whether this call advanced it
   */
  boolean advanceTotpStep(UserId id, long step);

  /**
   * Sets only the user's failed-login count and lockout, leaving every other column as stored: a
   * login attempt must not write back a copy of the user it read earlier, which could undo a
   * concurrent change (a TOTP step spent on another node, a role changed by an administrator).
   *
   * @throws io.cordon.context.CordonException.NotFound if there is no such user
   */
  void setLoginFailures(UserId id, int failures, Optional<Instant> lockedUntil);

  Optional<User> find(UserId id);

  Optional<User> findByUsername(String username);

  List<User> list();
}
