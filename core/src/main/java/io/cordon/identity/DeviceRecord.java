package io.cordon.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * A device registered to a user: a browser that holds a long-lived device credential (a random
 * secret in a cookie). Only the SHA-256 of the secret is stored ({@code secretHash}, lowercase
 * hex), which is also how a presented credential is looked up.
 *
 * @param label what the user sees in their device list (the user agent at registration, truncated)
 * @param revoked the user or an administrator revoked it; it is never trusted again
 */
public record DeviceRecord(
    DeviceId id,
    UserId user,
    String secretHash,
    String label,
    String firstIp,
    Instant created,
    Instant lastSeen,
    Optional<Instant> revoked) {
  public DeviceRecord {
    if (id == null
        || user == null
        || secretHash == null
        || created == null
        || lastSeen == null
        || revoked == null) {
      throw new IllegalArgumentException("incomplete device record");
    }
    label = label == null ? "" : label;
    firstIp = firstIp == null ? "" : firstIp;
  }

  /** Whether the device is registered to {@code owner} and not revoked. */
  public boolean isTrustedFor(UserId owner) {
    return user.equals(owner) && revoked.isEmpty();
  }
}
