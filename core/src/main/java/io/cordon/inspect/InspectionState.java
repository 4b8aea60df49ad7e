package io.cordon.inspect;

import java.util.Locale;

/**
 * Where a file version stands in inspection (docs/inspection.md). The code is the stable name used
 * in JSON, audit events, storage and the policy attribute {@code resource.inspection}.
 */
public enum InspectionState {
  /** Stored, verdict not reached yet: quarantined until it is. */
  PENDING("pending"),
  /** Inspected completely; nothing found. */
  CLEAN("clean"),
  /** Inspected; the detectors found sensitive data (see the label and the counts). */
  FLAGGED("flagged"),
  /** The content could not be read (binary without a parser, encrypted, scanner unreachable). */
  UNSCANNABLE("unscannable"),
  /** The content is hostile or malformed (zip bomb, too deep, corrupt). */
  REJECTED("rejected"),
  /** The malware scanner found a signature. */
  INFECTED("infected");

  private final String code;

  InspectionState(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static InspectionState fromCode(String code) {
    String c = code.strip().toLowerCase(Locale.ROOT);
    for (InspectionState s : values()) {
      if (s.code.equals(c)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown inspection state '" + code + "'");
  }
}
