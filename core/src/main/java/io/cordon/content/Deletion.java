package io.cordon.content;

import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A file's soft deletion: when, by whom and why it left listings, and, once its retention ended,
 * when its content was purged. The metadata (names, versions, hashes) stays as a tombstone for
 * good, as do the audit events about it. Immutable.
 *
 * @param reason the deleter's words, if given
 * @param purged when the content (blobs and data keys) was destroyed; empty while it is kept
 */
public record Deletion(Instant at, UserId by, Optional<String> reason, Optional<Instant> purged) {
  /** The longest reason kept, in characters. */
  public static final int MAX_REASON = 1000;

  public Deletion {
    if (at == null || by == null || reason == null || purged == null) {
      throw new IllegalArgumentException("incomplete deletion");
    }
  }

  public boolean isPurged() {
    return purged.isPresent();
  }
}
