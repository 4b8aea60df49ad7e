package io.cordon.crypto;

import io.cordon.context.OpaqueId;

/** Identifies a stored, wrapped keyset (a workspace KEK, the system secrets key). */
public record KeysetId(String value) {
  public KeysetId {
    OpaqueId.check(value, "k");
  }

  public static KeysetId random() {
    return new KeysetId(OpaqueId.next("k"));
  }

  @Override
  public String toString() {
    return value;
  }
}
