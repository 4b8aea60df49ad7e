package io.cordon.context;

/** How the subject proved who it is, as recorded in {@code actor.auth} (API.md event format). */
public enum AuthMethod {
  NONE("none"),
  PASSWORD("password"),
  PASSWORD_TOTP("password+totp"),
  WEBAUTHN("webauthn"),
  /** A password and a one-time recovery code (the other factors were lost). */
  PASSWORD_RECOVERY("password+recovery"),
  TOKEN("token"),
  SSO("sso"),
  /** An operator at the machine, using the offline CLI with access to the data directory. */
  LOCAL_OPERATOR("local");

  private final String code;

  AuthMethod(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Whether this method included a second factor (or is phishing-resistant on its own). */
  public boolean isMultiFactor() {
    return this == PASSWORD_TOTP || this == WEBAUTHN || this == PASSWORD_RECOVERY;
  }

  /**
   * Whether the factor is bound to the origin and so cannot be phished (a WebAuthn assertion), as
   * policy may require for restricted data.
   */
  public boolean isPhishingResistant() {
    return this == WEBAUTHN;
  }
}
