package io.cordon.content;

import java.util.List;

/** A file with its workspace and every version, oldest first. */
public record FileDetails(Workspace workspace, StoredFile file, List<FileVersion> versions) {
  public FileDetails {
    versions = List.copyOf(versions);
  }

  public FileVersion latest() {
    return versions.getLast();
  }
}
