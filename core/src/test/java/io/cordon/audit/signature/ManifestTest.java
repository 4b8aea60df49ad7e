package io.cordon.audit.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ManifestTest {
  private static final Instant AT = Instant.parse("2026-11-23T13:05:12.345Z");

  private static Manifest at(Instant when, String zone) {
    return new Manifest(
        "Jane Roe", Meaning.APPROVED, SignatureKind.SIGNATURE, when, ZoneId.of(zone));
  }

  @Test
  void localTime_berlinInWinter_printsAbbreviationAndOffset() {
    assertThat(at(AT, "Europe/Berlin").localTime()).isEqualTo("2026-11-23 14:05:12 CET (+01:00)");
  }

  @Test
  void localTime_berlinInSummer_printsDaylightTime() {
    assertThat(at(Instant.parse("2026-07-01T10:00:00Z"), "Europe/Berlin").localTime())
        .isEqualTo("2026-07-01 12:00:00 CEST (+02:00)");
  }

  @Test
  void localTime_utc_printsUtcAndZeroOffset() {
    assertThat(at(AT, "UTC").localTime()).isEqualTo("2026-11-23 13:05:12 UTC (+00:00)");
  }

  @Test
  void localTime_zoneWithoutAbbreviation_printsZoneIdInstead() {
    assertThat(at(AT, "Europe/Istanbul").localTime())
        .isEqualTo("2026-11-23 16:05:12 Europe/Istanbul (+03:00)");
  }

  @Test
  void localTime_halfHourOffset_printsIt() {
    assertThat(at(AT, "Asia/Kolkata").localTime()).isEqualTo("2026-11-23 18:35:12 IST (+05:30)");
  }

  @Test
  void manifest_noZone_defaultsToUtc() {
    Manifest m = new Manifest("Jane Roe", Meaning.AUTHORED, SignatureKind.SIGNATURE, AT, null);

    assertThat(m.zone()).isEqualTo(ZoneId.of("UTC"));
  }
}
