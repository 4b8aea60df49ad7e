package io.cordon.identity;

import java.time.Instant;
import java.util.Set;

/** Port: the hashes of users' one-time recovery codes. */
public interface RecoveryCodes {
  /** Replaces all of the user's codes (used or not) with these hashes. */
  void replace(UserId user, Set<String> codeHashes, Instant created);

  /**
   * Marks the code with this hash used if it is the user's and unused, atomically against
   * concurrent transactions.
   *
   * @return whether this call spent it
   */
  boolean spend(UserId user, String codeHash, Instant at);

  /** How many unused codes the user has left. */
  int remaining(UserId user);
}
