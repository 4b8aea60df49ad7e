package io.cordon.audit.signature;

import io.cordon.context.OpaqueId;

/** Identifies one signature or receipt. */
public record SignatureId(String value) {
  public SignatureId {
    OpaqueId.check(value, "signature");
  }

  public static SignatureId random() {
    return new SignatureId(OpaqueId.next("sig"));
  }

  @Override
  public String toString() {
    return value;
  }
}
