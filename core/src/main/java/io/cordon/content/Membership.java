package io.cordon.content;

import io.cordon.identity.UserId;
import java.time.Instant;

/** A user's role in a workspace. One role per user and workspace; adding again replaces it. */
public record Membership(WorkspaceId workspace, UserId user, WorkspaceRole role, Instant added) {
  public Membership {
    if (workspace == null || user == null || role == null || added == null) {
      throw new IllegalArgumentException("incomplete membership");
    }
  }
}
