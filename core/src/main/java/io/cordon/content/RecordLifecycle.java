package io.cordon.content;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the lifecycle state of records — each workspace's retention rule and each file's soft
 * deletion and purge. Versions themselves are immutable (the database rejects changes to their
 * content columns); a purge only destroys a version's wrapped data key and marks it purged.
 */
public interface RecordLifecycle {
  /** The workspace's retention rule; empty means content is kept forever. */
  Optional<RetentionPeriod> retention(WorkspaceId workspace);

  void setRetention(WorkspaceId workspace, Optional<RetentionPeriod> retention);

  /** The file's deletion, or empty while it is live. */
  Optional<Deletion> deletion(FileId file);

  /**
   * Marks a live file deleted, locking its row (PostgreSQL) so that an upload appending to it waits
   * and then sees the deletion.
   *
   * @throws io.cordon.context.CordonException.Conflict if it is deleted already
   */
  void markDeleted(FileId file, Deletion deletion);

  /**
   * Makes a deleted, unpurged file live again.
   *
   * @throws io.cordon.context.CordonException.Conflict if it is not deleted or was purged
   */
  void clearDeletion(FileId file);

  /** Deleted files whose content was not purged yet, oldest deletion first. */
  List<FileId> deletedUnpurged();

  /**
   * Destroys every version's wrapped data key and marks the versions and the file purged at {@code
   * at}; returns the versions as they were (with their blob keys, for removal).
   */
  List<FileVersion> markPurged(FileId file, Instant at);
}
