package io.cordon.inspect;

import java.util.Objects;

/**
 * One detected value. It never holds the value itself: only where it is and a redacted sample, so a
 * finding may be logged, audited and printed (issue 5: "never the raw value in logs or audit").
 * Immutable.
 *
 * @param type what was found
 * @param start offset of the first char, in UTF-16 code units of the extracted text
 * @param end offset after the last char (exclusive)
 * @param confidence 0 to 1: checksum-validated identifiers near 1, context-only matches lower
 * @param sample the value redacted, e.g. {@code ***-**-6789}
 */
public record Finding(EntityType type, long start, long end, double confidence, String sample) {
  public Finding {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sample, "sample");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
    if (!(confidence > 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1]");
    }
  }

  /** The same finding moved by {@code delta} chars (a window's place in the whole text). */
  public Finding shift(long delta) {
    return new Finding(type, start + delta, end + delta, confidence, sample);
  }
}
