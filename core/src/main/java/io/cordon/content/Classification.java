package io.cordon.content;

import io.cordon.context.CordonException;
import java.util.Locale;

/** Sensitivity label of a workspace or a file, ordered from least to most sensitive. */
public enum Classification {
  PUBLIC("public"),
  INTERNAL("internal"),
  CONFIDENTIAL("confidential"),
  RESTRICTED("restricted");

  private final String code;

  Classification(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Classification fromCode(String code) {
    for (Classification c : values()) {
      if (c.code.equals(code.toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new CordonException.InvalidInput(
        "classification must be public, internal, confidential or restricted");
  }

  /** The more sensitive of the two. */
  public Classification max(Classification other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
