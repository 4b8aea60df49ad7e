package io.cordon.server.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes, written in configuration as a whole number with an optional unit: {@code B},
 * the binary {@code KiB MiB GiB TiB} (powers of 1024) or the decimal {@code KB MB GB TB} (powers of
 * 1000). Units are case-insensitive. Immutable and thread-safe.
 *
 * @param bytes the size, never negative
 */
public record DataSize(long bytes) {
  private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*([A-Za-z]*)");
  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("", 1L),
          Map.entry("b", 1L),
          Map.entry("kib", 1L << 10),
          Map.entry("mib", 1L << 20),
          Map.entry("gib", 1L << 30),
          Map.entry("tib", 1L << 40),
          Map.entry("kb", 1_000L),
          Map.entry("mb", 1_000_000L),
          Map.entry("gb", 1_000_000_000L),
          Map.entry("tb", 1_000_000_000_000L));

  /** Rejects negative sizes. */
  public DataSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size cannot be negative: " + bytes);
    }
  }

  /** The size that {@code text} spells, or empty when it is not a size (or overflows a long). */
  public static Optional<DataSize> parse(String text) {
    Matcher m = TEXT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    Long unit = UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
    if (unit == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new DataSize(Math.multiplyExact(Long.parseLong(m.group(1)), unit)));
    } catch (ArithmeticException | NumberFormatException tooBig) {
      return Optional.empty();
    }
  }

  /** The shortest exact binary spelling, e.g. {@code 1TiB}, {@code 1536KiB}, {@code 100B}. */
  @Override
  public String toString() {
    String[] units = {"TiB", "GiB", "MiB", "KiB"};
    for (int i = 0; i < units.length; i++) {
      long unit = 1L << (10 * (units.length - i));
      if (bytes != 0 && bytes % unit == 0) {
        return bytes / unit + units[i];
      }
    }
    return bytes + "B";
  }
}
