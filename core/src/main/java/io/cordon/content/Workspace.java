package io.cordon.content;

import io.cordon.crypto.KeysetId;
import io.cordon.identity.UserId;
import java.time.Instant;

/**
 * A workspace: the unit of membership and of encryption. All its file versions' data keys are
 * wrapped by its key-encryption keyset {@code kek}; destroying that keyset shreds the workspace.
 */
public record Workspace(
    WorkspaceId id,
    String name,
    Classification classification,
    String region,
    KeysetId kek,
    UserId createdBy,
    Instant created) {
  public Workspace {
    if (id == null
        || name == null
        || classification == null
        || kek == null
        || created == null
        || createdBy == null) {
      throw new IllegalArgumentException("incomplete workspace");
    }
    region = region == null ? "" : region;
  }
}
