package io.cordon.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Retention periods: only sane ISO-8601 date periods pass; time is counted in UTC calendars. */
class RetentionPeriodTest {
  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "P",
        "P0D",
        "P0Y0M0D",
        "-P1Y",
        "P-1Y",
        "P1Y-1M",
        "PT1H",
        "P1DT1H",
        "P1.5Y",
        "p15y",
        "15Y",
        "P 15Y",
        "P201Y",
        "P2401M",
        "P99999999999Y",
        "P9999Y",
        "P1Y2Y",
        "P1W1D0"
      })
  void parse_hostileOrOutOfRange_invalidInput(String raw) {
    assertThatThrownBy(() -> RetentionPeriod.parse(raw))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void parse_validPeriods_roundTripAsIso() {
    assertThat(RetentionPeriod.parse("P15Y").toString()).isEqualTo("P15Y");
    assertThat(RetentionPeriod.parse(" P1Y6M ").toString()).isEqualTo("P1Y6M");
    assertThat(RetentionPeriod.parse("P200Y").toString()).isEqualTo("P200Y");
    assertThat(RetentionPeriod.parse("P2W").toString()).isEqualTo("P14D");
  }

  @Test
  void isOver_countsCalendarYearsInUtc_includingLeapDays() {
    RetentionPeriod p = RetentionPeriod.parse("P1Y");
    Instant created = Instant.parse("2024-02-29T10:00:00Z");

    assertThat(p.endsFor(created)).isEqualTo(Instant.parse("2025-02-28T10:00:00Z"));
    assertThat(p.isOver(created, Instant.parse("2025-02-28T09:59:59.999Z"))).isFalse();
    assertThat(p.isOver(created, Instant.parse("2025-02-28T10:00:00Z"))).isTrue();
  }

  @Test
  void isShorterThan_comparesFromTheSameDay() {
    assertThat(RetentionPeriod.parse("P11M").isShorterThan(RetentionPeriod.parse("P1Y"))).isTrue();
    assertThat(RetentionPeriod.parse("P12M").isShorterThan(RetentionPeriod.parse("P1Y"))).isFalse();
    assertThat(RetentionPeriod.parse("P20Y").isShorterThan(RetentionPeriod.parse("P15Y")))
        .isFalse();
  }
}
