package io.cordon.content;

import java.util.List;
import java.util.Optional;

/** Port: stored files and their immutable versions. */
public interface Files {
  /**
   * Returns the file with this name in the workspace, creating it if there is none. Safe under
   * concurrent callers: two uploads of one new name get the same file.
   */
  StoredFile findOrCreate(StoredFile candidate);

  Optional<StoredFile> find(FileId id);

  /**
   * Adds a version, numbering it one past the file's newest (the number in the argument is
   * ignored); returns the version as stored. Serialised per file by the adapter.
   */
  FileVersion appendVersion(FileVersion version);

  Optional<FileVersion> version(FileId file, int number);

  Optional<FileVersion> latestVersion(FileId file);

  List<FileVersion> versions(FileId file);

  /** Files of the workspace that have at least one version, each with its newest version. */
  List<FileListing> listWithLatest(WorkspaceId workspace);

  /** Every version in the workspace (for re-wrapping data keys on rotation). */
  List<FileVersion> versionsInWorkspace(WorkspaceId workspace);

  /** Replaces the wrapped data key of one version (KEK rotation). */
  void updateWrappedDek(FileId file, int number, byte[] wrappedDek);

  /** Whether any version refers to this blob key (for the orphan sweeper). */
  boolean isBlobReferenced(String blobKey);

  /** A file with its newest version, as a listing shows it. */
  record FileListing(StoredFile file, FileVersion latest) {}
}
