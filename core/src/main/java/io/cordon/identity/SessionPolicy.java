package io.cordon.identity;

import java.time.Duration;

/**
 * Limits of sessions and logins, from configuration.
 *
 * @param idleTimeout a session unused this long ends
 * @param absoluteTimeout a session ends this long after login, however active
 * @param maxFailures consecutive wrong passwords before the account locks
 * @param maxLockout the longest a growing lockout lasts
 */
public record SessionPolicy(
    Duration idleTimeout, Duration absoluteTimeout, int maxFailures, Duration maxLockout) {
  public SessionPolicy {
    if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0
        || maxFailures < 1) {
      throw new IllegalArgumentException("session limits out of range");
    }
  }

  public static SessionPolicy defaults() {
    return new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), 5,
        Duration.ofMinutes(15));
  }
}
