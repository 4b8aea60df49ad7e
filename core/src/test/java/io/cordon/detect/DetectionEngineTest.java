package io.cordon.detect;

import static io.cordon.detect.Events.DAY;
import static io.cordon.detect.Events.HOUR;
import static io.cordon.detect.Events.MIN;
import static io.cordon.detect.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionEngineTest {
  private final List<Alert> alerts = new ArrayList<>();
  private final Events ev = new Events();

  private DetectionEngine engine(DetectionConfig config) {
    return new DetectionEngine(config, alerts::add);
  }

  private List<Alert> of(String detector) {
    return alerts.stream().filter(a -> a.detector().equals(detector)).toList();
  }

  @Test
  void offer_duplicateAndOlderSeq_rejectedAndCounted() {
    DetectionEngine d = engine(DetectionConfig.defaults());
    Event first = ev.download(T0, "qa@cdmo.example");
    assertThat(d.offer(first)).isNull();
    assertThat(d.offer(first)).isEqualTo(Rejection.DUPLICATE_SEQ);
    assertThat(d.offer(ev.withSeq(ev.download(T0 + 1, "qa@cdmo.example"), 0)))
        .isEqualTo(Rejection.OUT_OF_ORDER);
    assertThat(d.rejections())
        .containsEntry(Rejection.DUPLICATE_SEQ, 1L)
        .containsEntry(Rejection.OUT_OF_ORDER, 1L);
    assertThat(d.accepted()).isEqualTo(1);
  }

  @Test
  void offer_lateBeyondAllowance_rejected_slightlyLate_used() {
    DetectionEngine d = engine(DetectionConfig.defaults());
    d.offer(ev.download(T0, "a@cdmo.example"));
    assertThat(d.offer(ev.download(T0 - 2 * MIN, "a@cdmo.example"))).isNull();
    assertThat(d.offer(ev.download(T0 - HOUR, "a@cdmo.example"))).isEqualTo(Rejection.OUT_OF_ORDER);
  }

  @Test
  void offer_loneClockJump_rejected_confirmedJump_followed() {
    DetectionEngine d = engine(DetectionConfig.defaults());
    d.offer(ev.download(T0, "a@cdmo.example"));
    assertThat(d.offer(ev.download(T0 + 400 * DAY, "a@cdmo.example")))
        .isEqualTo(Rejection.CLOCK_JUMP);
    assertThat(d.offer(ev.download(T0 + MIN, "a@cdmo.example"))).isNull();
    long later = T0 + 10 * DAY;
    assertThat(d.offer(ev.download(later, "a@cdmo.example"))).isEqualTo(Rejection.CLOCK_JUMP);
    assertThat(d.offer(ev.download(later + 1, "b@cdmo.example"))).isEqualTo(Rejection.CLOCK_JUMP);
    assertThat(d.offer(ev.download(later + 2, "c@cdmo.example"))).isNull();
    assertThat(d.offer(ev.download(later + 3, "d@cdmo.example"))).isNull();
    assertThat(d.rejections()).containsEntry(Rejection.CLOCK_JUMP, 3L);
  }

  @Test
  void offer_floodOfAddressesAndUsers_stateStaysWithinCaps() {
    DetectionEngine d = engine(DetectionConfig.defaults().withCaps(50, 50, 50));
    for (int i = 0; i < 20_000; i++) {
      String ip = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
      d.offer(ev.failedLogin(T0 + i * 10L, "nobody" + i + "@x.example", ip));
      d.offer(ev.download(T0 + i * 10L + 1, "user" + i + "@cdmo.example"));
    }
    DetectionEngine.StateSize s = d.stateSize();
    assertThat(s.users()).isLessThanOrEqualTo(50);
    assertThat(s.addresses()).isLessThanOrEqualTo(50);
    assertThat(s.peerGroups()).isLessThanOrEqualTo(50);
    assertThat(d.accepted()).isEqualTo(40_000);
  }

  @Test
  void impossibleTravel_berlinThenNewYorkInTenMinutes_raised_unlessVpn() {
    DetectionEngine d = engine(DetectionConfig.defaults());
    d.offer(ev.of(T0, "a@cdmo.example", "auth.login", "198.51.100.7", "DE", 52.52, 13.40));
    Event ny =
        ev.of(T0 + 10 * MIN, "a@cdmo.example", "auth.login", "192.0.2.9", "US", 40.71, -74.0);
    d.offer(ny);
    d.flush();
    List<Alert> travel = of("impossible_travel");
    assertThat(travel).hasSize(1);
    assertThat(travel.getFirst().timeMillis()).isEqualTo(ny.timeMillis());
    assertThat(travel.getFirst().events()).containsExactly(1L, 2L);
    assertThat(travel.getFirst().summary()).contains("km").contains("DE").contains("US");

    alerts.clear();
    DetectionEngine vpn = engine(DetectionConfig.defaults().withVpnRanges(List.of("192.0.2.0/24")));
    vpn.offer(ev.of(T0, "b@cdmo.example", "auth.login", "198.51.100.7", "DE", 52.52, 13.40));
    vpn.offer(ev.of(T0 + 10 * MIN, "b@cdmo.example", "auth.login", "192.0.2.9", "US", 40.71, -74));
    vpn.flush();
    assertThat(of("impossible_travel")).isEmpty();
  }

  @Test
  void passwordSpraying_oneAddressManyUsernames_oneMergedAlertAboutTheAddress() {
    DetectionEngine d = engine(DetectionConfig.defaults());
    for (int i = 0; i < 60; i++) {
      d.offer(ev.failedLogin(T0 + i * 30_000L, "user" + (i % 20) + "@cdmo.example", "192.0.2.66"));
    }
    d.flush();
    List<Alert> spray = of("password_spraying");
    assertThat(spray).hasSize(1);
    Alert a = spray.getFirst();
    assertThat(a.user()).isNull();
    assertThat(a.ip()).isEqualTo("192.0.2.66");
    assertThat(a.severity()).isEqualTo(Severity.HIGH);
    assertThat(a.timeMillis()).isEqualTo(T0 + 4 * 30_000L);
    assertThat(a.evidence()).containsKey("mergedDetections");
  }

  @Test
  void volumeSpike_newUserBurst_raisedAtTheCrossingDownload() {
    DetectionEngine d = engine(DetectionConfig.defaults());
    List<Event> burst = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      burst.add(ev.download(T0 + i * 30_000L, "new@cdmo.example"));
    }
    burst.forEach(d::offer);
    d.flush();
    List<Alert> spikes = of("volume_spike");
    assertThat(spikes).isNotEmpty();
    Alert first = spikes.getFirst();
    assertThat(first.timeMillis()).isEqualTo(burst.get(29).timeMillis());
    assertThat(first.evidence()).containsEntry("threshold", 30);
    assertThat(first.summary()).contains("warm-up");
  }

  @Test
  void massExternalSharing_manyExternalRecipientsInAnHour_raised() {
    DetectionEngine d = engine(DetectionConfig.defaults());
    for (int i = 0; i < 30; i++) {
      d.offer(ev.share(T0 + i * MIN, "pm@cdmo.example", 1));
    }
    d.flush();
    List<Alert> shares = of("mass_external_sharing");
    assertThat(shares).isNotEmpty();
    assertThat(shares.getFirst().timeMillis()).isEqualTo(T0 + 21 * MIN);
    assertThat(shares.getFirst().events()).hasSize(22);
  }

  @Test
  void dormant_silentForFortyDays_reactivationRaised() {
    DetectionEngine d = engine(DetectionConfig.defaults());
    for (int day = 0; day < 10; day++) {
      d.offer(ev.download(T0 + day * DAY, "old@cdmo.example"));
      d.offer(ev.download(T0 + day * DAY + HOUR, "busy@cdmo.example"));
    }
    for (int day = 10; day < 50; day++) {
      d.offer(ev.download(T0 + day * DAY, "busy@cdmo.example"));
    }
    d.offer(ev.download(T0 + 50 * DAY, "old@cdmo.example"));
    d.flush();
    List<Alert> dormant = of("dormant_reactivation");
    assertThat(dormant).hasSize(1);
    assertThat(dormant.getFirst().user()).isEqualTo("old@cdmo.example");
    assertThat((double) dormant.getFirst().evidence().get("silentDays")).isGreaterThan(39);
  }

  @Test
  void dormant_twoWeeksSilent_raisedOnlyWhenItWakesSomewhereNew_failedSignInsDoNotEndTheSilence() {
    DetectionEngine d = engine(DetectionConfig.defaults());
    for (int day = 0; day < 7; day++) {
      d.offer(ev.download(T0 + day * DAY, "away@cdmo.example"));
      d.offer(ev.download(T0 + day * DAY, "holiday@cdmo.example"));
    }
    for (int day = 7; day < 22; day++) {
      d.offer(ev.download(T0 + day * DAY, "busy@cdmo.example")); // the stream goes on
    }
    // A sprayer tries both names during the silence: no activity of theirs.
    d.offer(ev.failedLogin(T0 + 12 * DAY + HOUR, "away@cdmo.example", "203.0.113.9"));
    d.offer(ev.failedLogin(T0 + 12 * DAY + HOUR, "holiday@cdmo.example", "203.0.113.9"));
    // After 16 days one returns on the usual laptop and office network, the other elsewhere.
    d.offer(ev.download(T0 + 22 * DAY, "holiday@cdmo.example"));
    d.offer(ev.downloadFrom(T0 + 22 * DAY, "away@cdmo.example", "d-unknown", "100.64.7.9"));
    d.flush();
    List<Alert> dormant = of("dormant_reactivation");
    assertThat(dormant)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.user()).isEqualTo("away@cdmo.example");
              assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(a.evidence()).containsEntry("unfamiliarDeviceAndNetwork", true);
              assertThat((double) a.evidence().get("silentDays")).isBetween(15.9, 16.1);
            });
  }

  @Test
  void quietStream_routineUsers_noMediumAlerts() {
    DetectionEngine d = engine(DetectionConfig.defaults());
    for (int day = 0; day < 20; day++) {
      for (int u = 0; u < 20; u++) {
        for (int k = 0; k < 5; k++) {
          d.offer(ev.download(T0 + day * DAY + u * MIN + k * 7 * MIN, "u" + u + "@cdmo.example"));
        }
      }
    }
    d.flush();
    assertThat(alerts).allMatch(a -> a.severity() == Severity.LOW);
  }
}
