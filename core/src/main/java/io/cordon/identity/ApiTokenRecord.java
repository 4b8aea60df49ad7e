package io.cordon.identity;

import java.time.Instant;
import java.util.Set;

/**
 * An API token as stored: shown once at creation, kept only as the SHA-256 of its secret (lowercase
 * hex), scoped and expiring.
 *
 * @param scopes what the token may be used for, e.g. {@code api}, {@code metrics}, {@code admin}
 */
public record ApiTokenRecord(
    String id,
    String secretHash,
    UserId user,
    Set<String> scopes,
    Instant created,
    Instant expires,
    boolean revoked) {
  public ApiTokenRecord {
    if (id == null || secretHash == null || user == null || created == null || expires == null) {
      throw new IllegalArgumentException("incomplete token record");
    }
    scopes = Set.copyOf(scopes);
  }

  public boolean isUsableAt(Instant now) {
    return !revoked && now.isBefore(expires);
  }
}
