package io.cordon.sharing;

import io.cordon.context.OpaqueId;

/** Identifies one share of a file. */
public record ShareId(String value) {
  public ShareId {
    OpaqueId.check(value, "share");
  }

  public static ShareId random() {
    return new ShareId(OpaqueId.next("sh"));
  }

  @Override
  public String toString() {
    return value;
  }
}
