package io.cordon.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The login lockout policy: after {@link Policy#failuresBeforeLock} consecutive failed passwords an
 * account is locked for {@link Policy#firstLock}, doubling with each further failure up to {@link
 * Policy#maxLock} (1, 2, 4, 8, 15, 15 … minutes by default), as NIST SP 800-63B §5.2.2 asks of rate
 * limiting. A success clears the count. Per-address limiting is the job of {@link
 * AddressRateLimiter}, which {@link #addresses()} provides with the same clock.
 *
 * <p>The account part is a pure function of the failure count and the injected {@link Clock}; its
 * results map directly onto {@link User#withLoginFailures}. Immutable and thread-safe.
 */
public final class LoginThrottle {
  /**
   * @param failuresBeforeLock consecutive failures that trigger the first lock
   * @param firstLock the first lock's length
   * @param maxLock the longest lock
   * @param attemptsPerAddress attempts one client address may make per {@code addressWindow}
   * @param addressWindow the sliding window of the per-address limit
   * @param maxTrackedAddresses bound on the addresses remembered at once
   */
  public record Policy(
      int failuresBeforeLock,
      Duration firstLock,
      Duration maxLock,
      int attemptsPerAddress,
      Duration addressWindow,
      int maxTrackedAddresses) {
    /** 5 failures, 1 to 15 minutes; 20 attempts per address per 5 minutes, 10,000 addresses. */
    public static final Policy DEFAULT =
        new Policy(
            5, Duration.ofMinutes(1), Duration.ofMinutes(15), 20, Duration.ofMinutes(5), 10_000);

    public Policy {
      if (failuresBeforeLock < 1 || attemptsPerAddress < 1 || maxTrackedAddresses < 1) {
        throw new IllegalArgumentException("throttle counts must be positive");
      }
      if (!isPositive(firstLock) || !isPositive(maxLock) || !isPositive(addressWindow)) {
        throw new IllegalArgumentException("throttle durations must be positive");
      }
      if (maxLock.compareTo(firstLock) < 0) {
        throw new IllegalArgumentException("the longest lock cannot be shorter than the first");
      }
    }

    private static boolean isPositive(Duration d) {
      return d != null && !d.isNegative() && !d.isZero();
    }
  }

  /**
   * An account's throttle state after an attempt.
   *
   * @param failures consecutive failures, to store as {@link User#failedLogins()}
   * @param lockedUntil to store as {@link User#lockedUntil()}
   */
  public record Lockout(int failures, Optional<Instant> lockedUntil) {
    public Lockout {
      if (failures < 0 || lockedUntil == null) {
        throw new IllegalArgumentException("failures must be >= 0 and lockedUntil present");
      }
    }
  }

  private final Policy policy;
  private final Clock clock;
  private final AddressRateLimiter addresses;

  public LoginThrottle(Policy policy, Clock clock) {
    if (policy == null || clock == null) {
      throw new IllegalArgumentException("policy and clock are required");
    }
    this.policy = policy;
    this.clock = clock;
    this.addresses =
        new AddressRateLimiter(
            policy.attemptsPerAddress(),
            policy.addressWindow(),
            policy.maxTrackedAddresses(),
            clock);
  }

  public Policy policy() {
    return policy;
  }

  /** The state after one more failure, given {@code failuresSoFar} consecutive earlier ones. */
  public Lockout afterFailure(int failuresSoFar) {
    int failures = failuresSoFar >= Integer.MAX_VALUE - 1 ? Integer.MAX_VALUE : failuresSoFar + 1;
    return new Lockout(failures, lockDuration(failures).map(clock.instant()::plus));
  }

  /** The state after a successful login: no failures, no lock. */
  public Lockout afterSuccess() {
    return new Lockout(0, Optional.empty());
  }

  /** How long an account with {@code failures} consecutive failures is locked, if at all. */
  public Optional<Duration> lockDuration(int failures) {
    if (failures < policy.failuresBeforeLock()) {
      return Optional.empty();
    }
    int doublings = Math.min(failures - policy.failuresBeforeLock(), 30);
    Duration lock = policy.firstLock();
    for (int i = 0; i < doublings && lock.compareTo(policy.maxLock()) < 0; i++) {
      lock = lock.multipliedBy(2);
    }
    return Optional.of(lock.compareTo(policy.maxLock()) > 0 ? policy.maxLock() : lock);
  }

  /** Whole seconds (rounded up) until {@code lockedUntil}, 0 when it is absent or past. */
  public long secondsUntilUnlocked(Optional<Instant> lockedUntil) {
    return lockedUntil
        .map(until -> AddressRateLimiter.ceilSeconds(clock.instant(), until))
        .orElse(0L);
  }

  /** The per-client-address limiter, sharing this throttle's clock and policy. */
  public AddressRateLimiter addresses() {
    return addresses;
  }
}
