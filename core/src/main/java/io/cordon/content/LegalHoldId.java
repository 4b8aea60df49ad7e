package io.cordon.content;

import io.cordon.context.OpaqueId;

/** Identifies one legal hold. */
public record LegalHoldId(String value) {
  public LegalHoldId {
    OpaqueId.check(value, "legal hold");
  }

  public static LegalHoldId random() {
    return new LegalHoldId(OpaqueId.next("lh"));
  }

  @Override
  public String toString() {
    return value;
  }
}
