package io.cordon.inspect;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits one extraction runs under, whatever the file: they bound memory, disk, CPU time and
 * the work an archive may ask for. Each limit that trips gives a verdict rather than an error:
 * bytes, characters and time give {@link Extraction.Status#TRUNCATED} (what was read is inspected);
 * depth, entries and compression ratio give {@link Extraction.Status#REJECTED}. Immutable.
 *
 * @param maxBytes bytes read from the file; the rest is not read
 * @param maxChars characters of text extracted (over all entries of an archive)
 * @param timeout wall time for one file, extraction and inspection together
 * @param maxDepth how deep archives and embedded documents may nest (1: a zip holding files)
 * @param maxCompressionRatio most bytes an archive or document may expand to per byte of the file,
 *     once past {@link #RATIO_THRESHOLD} expanded bytes (zip bombs)
 * @param maxEntries archive entries and embedded documents per file, all levels together
 */
public record ExtractionLimits(
    long maxBytes,
    long maxChars,
    Duration timeout,
    int maxDepth,
    int maxCompressionRatio,
    int maxEntries) {

  /** Expansion below this many bytes is never called a bomb (small files compress very well). */
  public static final long RATIO_THRESHOLD = 16L << 20;

  /**
   * Safe defaults: 4 GiB and a billion characters (a 2 GB text passes whole), 5 minutes, 5 levels,
   * a ratio of 100 and 10,000 entries.
   */
  public static ExtractionLimits defaults() {
    return new ExtractionLimits(4L << 30, 1_000_000_000L, Duration.ofMinutes(5), 5, 100, 10_000);
  }

  /** Every limit must be positive. */
  public ExtractionLimits {
    Objects.requireNonNull(timeout, "timeout");
    if (maxBytes < 1 || maxChars < 1 || maxDepth < 1 || maxCompressionRatio < 1 || maxEntries < 1) {
      throw new IllegalArgumentException("extraction limits must be positive");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("extraction timeout must be positive");
    }
  }

  public ExtractionLimits withMaxBytes(long bytes) {
    return new ExtractionLimits(
        bytes, maxChars, timeout, maxDepth, maxCompressionRatio, maxEntries);
  }

  public ExtractionLimits withMaxChars(long chars) {
    return new ExtractionLimits(
        maxBytes, chars, timeout, maxDepth, maxCompressionRatio, maxEntries);
  }

  public ExtractionLimits withTimeout(Duration time) {
    return new ExtractionLimits(
        maxBytes, maxChars, time, maxDepth, maxCompressionRatio, maxEntries);
  }

  public ExtractionLimits withMaxDepth(int depth) {
    return new ExtractionLimits(
        maxBytes, maxChars, timeout, depth, maxCompressionRatio, maxEntries);
  }

  public ExtractionLimits withMaxEntries(int entries) {
    return new ExtractionLimits(
        maxBytes, maxChars, timeout, maxDepth, maxCompressionRatio, entries);
  }
}
