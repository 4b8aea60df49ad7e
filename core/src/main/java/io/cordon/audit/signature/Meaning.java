package io.cordon.audit.signature;

/**
 * What a signature means (21 CFR 11.50(a)(3)): authorship, review, approval, responsibility, or a
 * recipient's acknowledgement of receipt. Persisted and printed by {@link #code()}.
 */
public enum Meaning {
  AUTHORED("authored"),
  REVIEWED("reviewed"),
  APPROVED("approved"),
  RESPONSIBLE("responsible"),
  RECEIVED("received");

  private final String code;

  Meaning(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Meaning fromCode(String code) {
    for (Meaning m : values()) {
      if (m.code.equals(code)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown signature meaning: " + code);
  }
}
