package io.cordon.content;

import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: legal holds, active and released. */
public interface LegalHolds {
  void insert(LegalHold hold);

  Optional<LegalHold> find(LegalHoldId id);

  /**
   * Releases an active hold.
   *
   * @throws io.cordon.context.CordonException.Conflict if it was released already
   */
  LegalHold release(LegalHoldId id, UserId by, Instant at);

  /** Active holds on the workspace itself or on any file in it, oldest first. */
  List<LegalHold> activeInWorkspace(WorkspaceId workspace);

  /** Active holds covering the file: its own and its workspace's, oldest first. */
  List<LegalHold> activeCovering(FileId file, WorkspaceId workspace);

  /** Holds, newest first: of one workspace or all, with or without the released ones. */
  List<LegalHold> list(Optional<WorkspaceId> workspace, boolean includeReleased);
}
