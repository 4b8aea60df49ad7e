package io.cordon.identity;

import io.cordon.context.OpaqueId;

/** Identifies an organisation: the home organisation or a partner. */
public record OrgId(String value) {
  public OrgId {
    OpaqueId.check(value, "org");
  }

  public static OrgId random() {
    return new OrgId(OpaqueId.next("org"));
  }

  @Override
  public String toString() {
    return value;
  }
}
