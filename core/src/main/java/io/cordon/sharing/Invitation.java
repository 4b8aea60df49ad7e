package io.cordon.sharing;

import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A single-use invitation to set the password of an account created without one. Only the SHA-256
 * of its token is stored; the token itself exists once, in the invitation e-mail.
 */
public record Invitation(
    String tokenSha256, UserId user, Instant created, Instant expires, Optional<Instant> used) {
  public Invitation {
    if (tokenSha256 == null || user == null || created == null || expires == null) {
      throw new IllegalArgumentException("invitation needs hash, user and times");
    }
    used = used == null ? Optional.empty() : used;
  }
}
