package io.cordon.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A sliding-window log limiter per client address: at most {@code maxAttempts} attempts in any
 * window of {@code window} length. Refused attempts are not counted, so a client that waits as told
 * is served.
 *
 * <p>Memory is bounded: at most {@code maxAddresses} addresses are remembered, each with at most
 * {@code maxAttempts} timestamps; when full, the least recently seen address is forgotten. An
 * attacker with that many addresses can thus push its own out of memory, but such an attacker is
 * not held back by per-address limits anyway; the per-account lockout of {@link LoginThrottle}
 * still applies. Thread-safe (one lock; each call does O(maxAttempts) work).
 */
public final class AddressRateLimiter {
  /**
   * Whether an attempt may go ahead now.
   *
   * @param retryAfterSeconds when refused, whole seconds until the next attempt will be allowed
   *     (for a {@code Retry-After} header); 0 when allowed
   */
  public record Verdict(boolean allowed, long retryAfterSeconds) {
    static final Verdict ALLOWED = new Verdict(true, 0);
  }

  private final int maxAttempts;
  private final Duration window;
  private final Clock clock;
  private final Map<String, ArrayDeque<Instant>> attempts;

  public AddressRateLimiter(int maxAttempts, Duration window, int maxAddresses, Clock clock) {
    if (maxAttempts < 1 || maxAddresses < 1 || window == null || clock == null) {
      throw new IllegalArgumentException("positive limits, a window and a clock are required");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the window must be positive");
    }
    this.maxAttempts = maxAttempts;
    this.window = window;
    this.clock = clock;
    this.attempts =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Instant>> eldest) {
            return size() > maxAddresses;
          }
        };
  }

  /** Records an attempt from {@code address} if one is allowed now, and says which it was. */
  public synchronized Verdict tryAcquire(String address) {
    Objects.requireNonNull(address, "address");
    Instant now = clock.instant();
    ArrayDeque<Instant> log = attempts.computeIfAbsent(address, a -> new ArrayDeque<>());
    evictOlderThan(log, now.minus(window));
    if (log.size() >= maxAttempts) {
      return new Verdict(false, Math.max(1, ceilSeconds(now, log.peekFirst().plus(window))));
    }
    log.addLast(now);
    return Verdict.ALLOWED;
  }

  /** What {@link #tryAcquire} would answer now, without recording anything. */
  public synchronized Verdict peek(String address) {
    Instant now = clock.instant();
    ArrayDeque<Instant> log = attempts.get(address);
    if (log == null) {
      return Verdict.ALLOWED;
    }
    evictOlderThan(log, now.minus(window));
    if (log.size() >= maxAttempts) {
      return new Verdict(false, Math.max(1, ceilSeconds(now, log.peekFirst().plus(window))));
    }
    return Verdict.ALLOWED;
  }

  /** Forgets {@code address}, e.g. after an administrator cleared a false positive. */
  public synchronized void reset(String address) {
    attempts.remove(address);
  }

  /** How many addresses are remembered (for metrics and tests). */
  public synchronized int trackedAddresses() {
    return attempts.size();
  }

  private static void evictOlderThan(ArrayDeque<Instant> log, Instant cutoff) {
    while (!log.isEmpty() && !log.peekFirst().isAfter(cutoff)) {
      log.removeFirst();
    }
  }

  static long ceilSeconds(Instant now, Instant until) {
    if (!until.isAfter(now)) {
      return 0;
    }
    Duration left = Duration.between(now, until);
    return left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
  }
}
