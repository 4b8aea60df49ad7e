package io.cordon.content;

import io.cordon.identity.UserId;
import java.time.Instant;

/**
 * A file's identity within a workspace. A file row without any version is invisible to users (it
 * exists only while its first upload is in flight, or after an upload that never finished).
 */
public record StoredFile(
    FileId id, WorkspaceId workspace, String name, UserId createdBy, Instant created) {
  public StoredFile {
    if (id == null || workspace == null || name == null || createdBy == null || created == null) {
      throw new IllegalArgumentException("incomplete file");
    }
  }
}
