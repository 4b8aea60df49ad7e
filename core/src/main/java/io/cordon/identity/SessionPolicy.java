package io.cordon.identity;

import java.time.Duration;

/**
 * Limits of sessions, from configuration. Login lockout lives in {@link LoginThrottle}.
 *
 * @param idleTimeout a session unused this long ends
 * @param absoluteTimeout a session ends this long after login, however active
 */
public record SessionPolicy(Duration idleTimeout, Duration absoluteTimeout) {
  public SessionPolicy {
    if (idleTimeout.isNegative()
        || idleTimeout.isZero()
        || absoluteTimeout.compareTo(idleTimeout) < 0) {
      throw new IllegalArgumentException("session limits out of range");
    }
  }

  public static SessionPolicy defaults() {
    return new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12));
  }
}
