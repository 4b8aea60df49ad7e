package io.cordon.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: registered WebAuthn credentials and the challenges of ceremonies in progress. Credential
 * ids are unique across all users.
 */
public interface Passkeys {
  /**
   * @throws io.cordon.context.CordonException.Conflict if the credential id is registered already
   */
  void insert(Passkey passkey);

  /** The user's passkeys, oldest first. */
  List<Passkey> listFor(UserId user);

  int countFor(UserId user);

  Optional<Passkey> findByCredentialId(String credentialId);

  /** Deletes one of the user's passkeys; false if the user has none with that id. */
  boolean delete(UserId user, String id);

  /**
   * Records a verified use: sets the counter to {@code signCount} if that is above the stored one,
   * or if both are zero (authenticators without a counter), atomically against concurrent
   * transactions (WebAuthn Level 2 §7.2 step 21).
   *
   * @return whether the counter was accepted
   */
  boolean recordUse(String id, long signCount, Instant at);

  void insertChallenge(WebAuthnChallenge challenge);

  /** How many of this session's challenges are still unexpired at {@code now}. */
  int countLiveChallenges(String sessionId, Instant now);

  /**
   * Removes and returns the challenge with this id if it belongs to this session; a second call
   * with the same id finds nothing, even from a concurrent transaction (single use).
   */
  Optional<WebAuthnChallenge> takeChallenge(String id, String sessionId);

  /** Deletes challenges that expired before the given time; returns how many. */
  int deleteExpiredChallenges(Instant before);
}
