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

  /** The file with this name in the workspace, deleted or not. */
  Optional<StoredFile> findByName(WorkspaceId workspace, String name);

  /**
   * Adds a version, numbering it one past the file's newest (the number in the argument is
   * ignored); returns the version as stored. Serialised per file by the adapter.
   *
   * @throws io.cordon.context.CordonException.Conflict if the file is deleted (checked under the
   *     same lock, so an upload racing a deletion never adds a version to a deleted file)
   */
  FileVersion appendVersion(FileVersion version);

  Optional<FileVersion> version(FileId file, int number);

  Optional<FileVersion> latestVersion(FileId file);

  List<FileVersion> versions(FileId file);

  /**
   * Live (not deleted) files of the workspace that have at least one version, each with its newest
   * version.
   */
  List<FileListing> listWithLatest(WorkspaceId workspace);

  /**
   * Every version in the workspace whose content was not purged (for re-wrapping data keys on
   * rotation; a purged version has no data key left).
   */
  List<FileVersion> versionsInWorkspace(WorkspaceId workspace);

  /** Replaces the wrapped data key of one version (KEK rotation). */
  void updateWrappedDek(FileId file, int number, byte[] wrappedDek);

  /**
   * Whether any unpurged version refers to this blob key (for the orphan sweeper: a purged
   * version's blob left by a crash is an orphan).
   */
  boolean isBlobReferenced(String blobKey);

  /** A file with its newest version, as a listing shows it. */
  record FileListing(StoredFile file, FileVersion latest) {}
}
