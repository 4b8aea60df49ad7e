package io.cordon.content;

import io.cordon.context.OpaqueId;

/** Identifies one resumable upload (the tus protocol's upload resource). */
public record UploadId(String value) {
  public UploadId {
    OpaqueId.check(value, "up");
  }

  public static UploadId random() {
    return new UploadId(OpaqueId.next("up"));
  }

  @Override
  public String toString() {
    return value;
  }
}
