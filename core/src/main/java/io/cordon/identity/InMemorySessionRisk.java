package io.cordon.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link SessionRisk}: scores raised against a user (all their sessions) or against one
 * session, each for a limited time, kept in this node's memory. The highest live score counts; an
 * expired score is forgotten when next read. Detection feeds it through {@link #raise}; scores do
 * not survive a restart, which is acceptable for signals that expire within hours. Thread-safe.
 */
public final class InMemorySessionRisk implements SessionRisk {
  private final Clock clock;
  private final Map<String, Raised> raised = new ConcurrentHashMap<>();

  /** One live score and why. */
  public record Raised(double score, String reason, Instant until) {
    public Raised {
      if (!(score >= 0 && score <= 1)) {
        throw new IllegalArgumentException("risk score must be within 0..1");
      }
      Objects.requireNonNull(reason);
      Objects.requireNonNull(until);
    }
  }

  public InMemorySessionRisk(Clock clock) {
    this.clock = clock;
  }

  /** Raises the risk of every session of {@code user} to at least {@code score} for {@code ttl}. */
  public void raise(UserId user, double score, String reason, Duration ttl) {
    put("u:" + user.value(), score, reason, ttl);
  }

  /** Raises the risk of one session (or token) to at least {@code score} for {@code ttl}. */
  public void raiseSession(String session, double score, String reason, Duration ttl) {
    put("s:" + session, score, reason, ttl);
  }

  private void put(String key, double score, String reason, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a risk needs a positive lifetime");
    }
    Raised next = new Raised(score, reason, clock.instant().plus(ttl));
    Instant now = clock.instant();
    // A lower score does not hide a higher one that is still live.
    raised.merge(
        key,
        next,
        (old, fresh) -> old.until().isAfter(now) && old.score() > fresh.score() ? old : fresh);
  }

  /** Clears every score of a user (an operator judged the alert false). */
  public void clear(UserId user) {
    raised.remove("u:" + user.value());
  }

  @Override
  public double riskOf(UserId user, String session) {
    return Math.max(live("u:" + user.value()), session == null ? 0 : live("s:" + session));
  }

  private double live(String key) {
    Raised r = raised.get(key);
    if (r == null) {
      return 0;
    }
    if (!r.until().isAfter(clock.instant())) {
      raised.remove(key, r);
      return 0;
    }
    return r.score();
  }
}
