package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private final MutableClock clock = new MutableClock(START);
  private final LoginThrottle throttle = new LoginThrottle(LoginThrottle.Policy.DEFAULT, clock);

  @Test
  void afterFailure_belowThreshold_noLock() {
    LoginThrottle.Lockout state = throttle.afterSuccess();
    for (int i = 0; i < 4; i++) {
      state = throttle.afterFailure(state.failures());
      assertThat(state.lockedUntil()).isEmpty();
    }
    assertThat(state.failures()).isEqualTo(4);
  }

  @Test
  void afterFailure_fromFifthOn_locksForDoublingPeriodsCappedAt15Minutes() {
    List<Duration> locks = new ArrayList<>();
    int failures = 4;
    for (int i = 0; i < 7; i++) {
      LoginThrottle.Lockout state = throttle.afterFailure(failures);
      failures = state.failures();
      locks.add(Duration.between(START, state.lockedUntil().orElseThrow()));
    }
    assertThat(locks)
        .containsExactly(
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15));
  }

  @Test
  void lockDuration_hugeFailureCount_staysAtMaximum() {
    assertThat(throttle.lockDuration(Integer.MAX_VALUE)).contains(Duration.ofMinutes(15));
    assertThat(throttle.afterFailure(Integer.MAX_VALUE).failures()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void afterSuccess_anyState_clearsFailuresAndLock() {
    assertThat(throttle.afterSuccess()).isEqualTo(new LoginThrottle.Lockout(0, Optional.empty()));
  }

  @Test
  void lockout_appliedToUser_locksUntilPeriodEnds() {
    User user =
        new User(
            UserId.random(),
            "alice",
            "alice@cdmo.example",
            OrgId.random(),
            Set.of("member"),
            Optional.empty(),
            Optional.empty(),
            false,
            0,
            4,
            Optional.empty(),
            UserStatus.ACTIVE,
            START);
    LoginThrottle.Lockout state = throttle.afterFailure(user.failedLogins());
    User locked = user.withLoginFailures(state.failures(), state.lockedUntil());

    assertThat(locked.isLockedAt(clock.instant())).isTrue();
    clock.advance(Duration.ofSeconds(59).plusMillis(1));
    assertThat(throttle.secondsUntilUnlocked(locked.lockedUntil())).isEqualTo(1);
    clock.advance(Duration.ofMillis(999));
    assertThat(locked.isLockedAt(clock.instant())).isFalse();
    assertThat(throttle.secondsUntilUnlocked(locked.lockedUntil())).isZero();
  }

  @Test
  void addresses_sharesThrottleClockAndPolicy() {
    AddressRateLimiter limiter = throttle.addresses();
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.tryAcquire("203.0.113.7").allowed()).isTrue();
    }
    assertThat(limiter.tryAcquire("203.0.113.7"))
        .isEqualTo(new AddressRateLimiter.Verdict(false, 300));
    clock.advance(Duration.ofMinutes(5));
    assertThat(limiter.tryAcquire("203.0.113.7").allowed()).isTrue();
  }
}
