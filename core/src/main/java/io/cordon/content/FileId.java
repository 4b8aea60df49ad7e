package io.cordon.content;

import io.cordon.context.OpaqueId;

/** Identifies a file across all its versions. */
public record FileId(String value) {
  public FileId {
    OpaqueId.check(value, "f");
  }

  public static FileId random() {
    return new FileId(OpaqueId.next("f"));
  }

  @Override
  public String toString() {
    return value;
  }
}
