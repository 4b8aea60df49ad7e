package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionAnchorTest {
  private final SessionAnchor london =
      new SessionAnchor(
          Optional.empty(), Optional.of("internet"), Optional.of("GB"), Optional.empty());

  @Test
  void movedTo_samePlace_no() {
    assertThat(london.movedTo(Optional.of("internet"), Optional.of("GB"))).isFalse();
  }

  @Test
  void movedTo_otherCountryOrZone_yes() {
    assertThat(london.movedTo(Optional.of("internet"), Optional.of("SE"))).isTrue();
    assertThat(london.movedTo(Optional.of("office"), Optional.of("GB"))).isTrue();
  }

  @Test
  void movedTo_countryUnknownNow_judgedByZoneOnly() {
    assertThat(london.movedTo(Optional.of("internet"), Optional.empty())).isFalse();
    assertThat(london.movedTo(Optional.of("office"), Optional.empty())).isTrue();
  }

  @Test
  void movedTo_nothingAnchored_neverAMove() {
    assertThat(SessionAnchor.none().movedTo(Optional.of("office"), Optional.of("SE"))).isFalse();
  }

  @Test
  void steppedUp_movesTheAnchorAndRecordsTheTime_keepsTheDevice() {
    Instant at = Instant.parse("2026-11-23T10:00:00Z");
    SessionAnchor bound = london.onDevice(new DeviceId("d_0123456789abcdefghjk"));
    SessionAnchor moved = bound.steppedUp(at, Optional.of("internet"), Optional.of("SE"));
    assertThat(moved.secondFactorAt()).contains(at);
    assertThat(moved.country()).contains("SE");
    assertThat(moved.device()).contains("d_0123456789abcdefghjk");
    assertThat(moved.movedTo(Optional.of("internet"), Optional.of("SE"))).isFalse();
  }
}
