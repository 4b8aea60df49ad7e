package io.cordon.sharing;

import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * One recipient of a share and what they used of it.
 *
 * @param downloads raw downloads started through the share (counted atomically)
 * @param firstAccess when the recipient first downloaded or viewed through the share
 */
public record ShareRecipient(
    ShareId share, UserId user, int downloads, Optional<Instant> firstAccess) {
  public ShareRecipient {
    if (share == null || user == null || downloads < 0) {
      throw new IllegalArgumentException("recipient needs share, user and a count");
    }
    firstAccess = firstAccess == null ? Optional.empty() : firstAccess;
  }
}
