package io.cordon.sharing;

import java.time.Instant;
import java.util.Optional;

/** Port: invitations by the hash of their token. Lives as long as its transaction. */
public interface Invitations {
  void insert(Invitation invitation);

  Optional<Invitation> find(String tokenSha256);

  /**
   * Spends the invitation if it is unused and not expired at {@code at}, atomically against
   * concurrent transactions.
   *
   * @return whether this call spent it
   */
  boolean spend(String tokenSha256, Instant at);
}
