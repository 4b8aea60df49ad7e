package io.cordon.detect;

import java.util.Locale;

/** Alert severity, ordered; {@link #code()} is the stable name in API.md's alert output. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Severity max(Severity other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
