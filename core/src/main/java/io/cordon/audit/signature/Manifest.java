package io.cordon.audit.signature;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The human-readable part of a signed record that 21 CFR 11.50(a) requires: the printed name of the
 * signer, the date and time of signing and the meaning. Shown with the file and stamped on PDF
 * renditions (11.50(b)). Immutable and thread-safe.
 *
 * <p>The local time is printed as {@code 2026-11-23 14:05:12 CET (+01:00)}: wall-clock time in the
 * signer's zone, the zone's English abbreviation (or its IANA id where the abbreviation is only an
 * offset) and the numeric offset, so that the instant is unambiguous whatever the reader's zone.
 *
 * @param zone the signer's time zone, as given at signing (UTC by default)
 */
public record Manifest(
    String printedName, Meaning meaning, SignatureKind kind, Instant signedAt, ZoneId zone) {
  private static final DateTimeFormatter WALL_CLOCK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  // English names on purpose: the abbreviation must not change with the server's locale.
  private static final DateTimeFormatter ABBREVIATION =
      DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);

  public Manifest {
    if (printedName == null || meaning == null || kind == null || signedAt == null) {
      throw new IllegalArgumentException("a manifest needs name, meaning, kind and time");
    }
    zone = zone == null ? ZoneId.of("UTC") : zone;
  }

  /** The time of signing in the signer's zone, e.g. {@code 2026-11-23 14:05:12 CET (+01:00)}. */
  public String localTime() {
    ZonedDateTime at = signedAt.atZone(zone);
    String name = ABBREVIATION.format(at);
    if (name.startsWith("GMT+") || name.startsWith("GMT-")) {
      name = zone.getId();
    }
    return WALL_CLOCK.format(at) + " " + name + " (" + OFFSET.format(at) + ")";
  }
}
