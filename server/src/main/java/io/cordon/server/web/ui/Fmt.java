package io.cordon.server.web.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Formatting for people: times in UTC to the minute, sizes in binary units, short hashes. */
public final class Fmt {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Fmt() {}

  public static String time(Instant t) {
    return t == null ? "" : MINUTE.format(t);
  }

  public static String time(Optional<Instant> t) {
    return t.map(Fmt::time).orElse("");
  }

  public static String day(Instant t) {
    return t == null ? "" : DAY.format(t);
  }

  /** The machine-readable form for {@code <time datetime>}. */
  public static String iso(Instant t) {
    return t == null ? "" : t.toString();
  }

  public static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
  }

  /** The first 12 hex digits of a hash, enough to compare by eye; the full value goes in title. */
  public static String shortHash(String hex) {
    return hex == null || hex.length() <= 12 ? hex : hex.substring(0, 12) + "…";
  }

  /** A classification code as a label: {@code restricted} → {@code Restricted}. */
  public static String label(String code) {
    return code == null || code.isEmpty()
        ? ""
        : code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1).replace('_', ' ');
  }
}
