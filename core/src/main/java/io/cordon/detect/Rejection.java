package io.cordon.detect;

import java.util.Locale;

/** Why an input event was not fed to the detectors; counted, never fatal. */
public enum Rejection {
  /** Not a JSON object, truncated, or a field of the wrong type. */
  MALFORMED,
  /** No {@code time}, no {@code action}, or neither an actor nor an address. */
  MISSING_FIELD,
  /** A {@code seq} already seen. */
  DUPLICATE_SEQ,
  /** Older than the stream's watermark by more than the allowed lateness, or a smaller seq. */
  OUT_OF_ORDER,
  /** Further ahead of the watermark than the allowed clock jump, not confirmed by what follows. */
  CLOCK_JUMP,
  /** Longer than the configured line limit. */
  OVERSIZE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
