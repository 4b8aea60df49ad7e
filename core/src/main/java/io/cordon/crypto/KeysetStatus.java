package io.cordon.crypto;

/** Lifecycle of a stored keyset; persisted by {@link #code()}. */
public enum KeysetStatus {
  ENABLED("enabled"),
  DESTROYED("destroyed");

  private final String code;

  KeysetStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static KeysetStatus fromCode(String code) {
    for (KeysetStatus s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown keyset status " + code);
  }
}
