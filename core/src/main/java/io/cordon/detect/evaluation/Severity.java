package io.cordon.detect.evaluation;

import java.util.Locale;

/** An alert's severity (API.md "Alert output"), ordered from least to most severe. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isAtLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  public static Severity fromCode(String code) {
    for (Severity s : values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + code + "' (expected low, medium, high or critical)");
  }
}
