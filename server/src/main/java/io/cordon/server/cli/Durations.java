package io.cordon.server.cli;

import io.cordon.context.CordonException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short durations users type: {@code 45s}, {@code 30m}, {@code 12h}, {@code 7d}. */
final class Durations {
  private static final Pattern SHAPE = Pattern.compile("(\\d{1,9})([smhd])");

  private Durations() {}

  static Duration parse(String raw, String option) {
    Matcher m = SHAPE.matcher(raw == null ? "" : raw.trim());
    if (!m.matches()) {
      throw new CordonException.InvalidInput(option + " must look like 45s, 30m, 12h or 7d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
