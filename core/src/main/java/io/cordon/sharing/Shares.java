package io.cordon.sharing;

import io.cordon.content.FileId;
import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Port: shares and their recipients. Lives as long as its transaction. */
public interface Shares {
  /**
   * @throws io.cordon.context.CordonException.Conflict if the id is taken
   */
  void insert(Share share);

  /** Adds a recipient with no downloads yet; adding the same user twice is a no-op. */
  void addRecipient(ShareId share, UserId user);

  Optional<Share> find(ShareId id);

  List<ShareRecipient> recipients(ShareId share);

  Optional<ShareRecipient> recipient(ShareId share, UserId user);

  /** The shares of a file, newest first, revoked ones included. */
  List<Share> ofFile(FileId file);

  /** The shares a user created, newest first. */
  List<Share> createdBy(UserId user);

  /** The shares a user received, newest first. */
  List<Share> receivedBy(UserId user);

  /** The shares of a file that name this user as a recipient, newest first. */
  List<Share> ofFileFor(FileId file, UserId user);

  /**
   * Counts one download of {@code user} through the share if that keeps the count within {@code
   * max} (no limit when empty), atomically against concurrent transactions.
   *
   * @return whether the download was counted (false: the limit is reached)
   */
  boolean countDownload(ShareId share, UserId user, OptionalInt max);

  /**
   * Records the recipient's first access at {@code at} unless one is recorded.
   *
   * @return whether this call recorded it (true exactly once per recipient)
   */
  boolean markFirstAccess(ShareId share, UserId user, Instant at);

  /**
   * Revokes a live share.
   *
   * @return whether this call revoked it (false: it was revoked already)
   */
  boolean revoke(ShareId share, UserId by, Instant at);
}
