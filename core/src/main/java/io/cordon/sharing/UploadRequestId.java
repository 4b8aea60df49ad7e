package io.cordon.sharing;

import io.cordon.context.OpaqueId;

/** Identifies one upload request. */
public record UploadRequestId(String value) {
  public UploadRequestId {
    OpaqueId.check(value, "upload request");
  }

  public static UploadRequestId random() {
    return new UploadRequestId(OpaqueId.next("ur"));
  }

  @Override
  public String toString() {
    return value;
  }
}
