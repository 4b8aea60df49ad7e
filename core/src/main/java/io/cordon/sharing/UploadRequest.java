package io.cordon.sharing;

import io.cordon.content.WorkspaceId;
import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A request to named recipients to upload files into a workspace until {@code due}, or until the
 * requester closes it.
 *
 * @param message shown to recipients in the application, never put into e-mail
 */
public record UploadRequest(
    UploadRequestId id,
    WorkspaceId workspace,
    UserId requestedBy,
    String message,
    Instant created,
    Instant due,
    Optional<Instant> closed) {
  public UploadRequest {
    if (id == null || workspace == null || requestedBy == null || created == null || due == null) {
      throw new IllegalArgumentException("upload request needs id, workspace, requester and times");
    }
    message = message == null ? "" : message;
    closed = closed == null ? Optional.empty() : closed;
  }
}
