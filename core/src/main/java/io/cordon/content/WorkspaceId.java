package io.cordon.content;

import io.cordon.context.OpaqueId;

/** Identifies a workspace. */
public record WorkspaceId(String value) {
  public WorkspaceId {
    OpaqueId.check(value, "ws");
  }

  public static WorkspaceId random() {
    return new WorkspaceId(OpaqueId.next("ws"));
  }

  @Override
  public String toString() {
    return value;
  }
}
