package io.cordon.identity;

/** Lifecycle of a user account; persisted by {@link #code()}. */
public enum UserStatus {
  ACTIVE("active"),
  /** Created without a password (a guest or an invited user): cannot log in until invited in. */
  INVITED("invited"),
  DISABLED("disabled");

  private final String code;

  UserStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static UserStatus fromCode(String code) {
    for (UserStatus s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown user status " + code);
  }
}
