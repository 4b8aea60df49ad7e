package io.cordon.identity;

import java.time.Instant;
import java.util.Optional;

/** Port: stored sessions, looked up by the hash of their secret. */
public interface Sessions {
  void insert(SessionRecord session);

  Optional<SessionRecord> findBySecretHash(String secretHash);

  Optional<SessionRecord> find(String id);

  /**
   * Replaces auth, mfaPending, lastSeen, expires, revoked and the anchor of the session with this
   * id.
   */
  void update(SessionRecord session);

  /** Deletes sessions that expired before the given time; returns how many. */
  int deleteExpired(Instant before);
}
