package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemorySessionRiskTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final InMemorySessionRisk risk = new InMemorySessionRisk(clock);
  private final UserId alice = UserId.random();
  private final UserId bob = UserId.random();

  @Test
  void riskOf_nothingRaised_zero() {
    assertThat(risk.riskOf(alice, "s_1")).isZero();
    assertThat(SessionRisk.NONE.riskOf(alice, "s_1")).isZero();
  }

  @Test
  void raise_user_appliesToEverySessionOfThatUserOnly() {
    risk.raise(alice, 0.7, "impossible travel", Duration.ofHours(1));
    assertThat(risk.riskOf(alice, "s_1")).isEqualTo(0.7);
    assertThat(risk.riskOf(alice, "s_2")).isEqualTo(0.7);
    assertThat(risk.riskOf(bob, "s_3")).isZero();
  }

  @Test
  void raiseSession_appliesToThatSessionOnly_highestWins() {
    risk.raise(alice, 0.3, "new device", Duration.ofHours(1));
    risk.raiseSession("s_1", 0.9, "token replay", Duration.ofHours(1));
    assertThat(risk.riskOf(alice, "s_1")).isEqualTo(0.9);
    assertThat(risk.riskOf(alice, "s_2")).isEqualTo(0.3);
  }

  @Test
  void raise_lowerWhileHigherLive_keepsHigher_untilItExpires() {
    risk.raise(alice, 0.8, "spike", Duration.ofMinutes(10));
    risk.raise(alice, 0.2, "off hours", Duration.ofHours(2));
    assertThat(risk.riskOf(alice, "s")).isEqualTo(0.8);
    clock.advance(Duration.ofMinutes(10));
    assertThat(risk.riskOf(alice, "s")).isZero();
  }

  @Test
  void riskOf_afterTtl_forgotten() {
    risk.raise(alice, 0.5, "spike", Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(4));
    assertThat(risk.riskOf(alice, null)).isEqualTo(0.5);
    clock.advance(Duration.ofMinutes(1));
    assertThat(risk.riskOf(alice, null)).isZero();
  }

  @Test
  void clear_forgetsTheUsersScore() {
    risk.raise(alice, 0.5, "spike", Duration.ofMinutes(5));
    risk.clear(alice);
    assertThat(risk.riskOf(alice, "s")).isZero();
  }

  @Test
  void raise_outOfRangeOrNoLifetime_refused() {
    assertThatThrownBy(() -> risk.raise(alice, 1.5, "x", Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> risk.raise(alice, Double.NaN, "x", Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> risk.raise(alice, 0.5, "x", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
