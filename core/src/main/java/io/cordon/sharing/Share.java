package io.cordon.sharing;

import io.cordon.content.FileId;
import io.cordon.content.WorkspaceId;
import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A file shared with named recipients, and its terms. Immutable once created, except that it can be
 * revoked (for good).
 *
 * @param expires after this instant the share grants nothing
 * @param maxDownloads how many raw downloads each recipient may make; empty for no limit
 * @param viewOnly recipients only get the watermarked view, never the raw bytes
 * @param requireMfa recipients must have proven a second factor in their session
 * @param notifyOnFirstAccess the creator is told by e-mail when a recipient first uses the share
 */
public record Share(
    ShareId id,
    FileId file,
    WorkspaceId workspace,
    UserId createdBy,
    Instant created,
    Optional<Instant> expires,
    OptionalInt maxDownloads,
    boolean viewOnly,
    boolean requireMfa,
    boolean notifyOnFirstAccess,
    Optional<UserId> revokedBy,
    Optional<Instant> revoked) {
  public Share {
    if (id == null || file == null || workspace == null || createdBy == null || created == null) {
      throw new IllegalArgumentException("share needs id, file, workspace, creator and time");
    }
    expires = expires == null ? Optional.empty() : expires;
    maxDownloads = maxDownloads == null ? OptionalInt.empty() : maxDownloads;
    revokedBy = revokedBy == null ? Optional.empty() : revokedBy;
    revoked = revoked == null ? Optional.empty() : revoked;
    if (maxDownloads.isPresent() && maxDownloads.getAsInt() < 1) {
      throw new IllegalArgumentException("maxDownloads must be at least 1");
    }
  }

  public boolean isRevoked() {
    return revoked.isPresent();
  }

  /** Whether the share has expired at {@code now}. */
  public boolean isExpired(Instant now) {
    return expires.isPresent() && !now.isBefore(expires.get());
  }
}
