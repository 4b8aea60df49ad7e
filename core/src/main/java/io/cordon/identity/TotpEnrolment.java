package io.cordon.identity;

/** A TOTP secret being enrolled: base32 for manual entry and the otpauth URI for QR codes. */
public record TotpEnrolment(String secret, String otpauthUri) {
  @Override
  public String toString() {
    return "TotpEnrolment[redacted]";
  }
}
