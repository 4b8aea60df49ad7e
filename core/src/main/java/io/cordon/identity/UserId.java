package io.cordon.identity;

import io.cordon.context.OpaqueId;

/** Identifies a user account. */
public record UserId(String value) {
  public UserId {
    OpaqueId.check(value, "u");
  }

  public static UserId random() {
    return new UserId(OpaqueId.next("u"));
  }

  @Override
  public String toString() {
    return value;
  }
}
