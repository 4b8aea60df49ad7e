package io.cordon.identity;

import io.cordon.context.AuthMethod;
import java.time.Instant;

/**
 * A browser or API login session as stored. The session secret itself is never stored: only its
 * SHA-256 ({@code secretHash}, lowercase hex), which is also how it is looked up.
 *
 * @param id the public session id recorded in audit events
 * @param mfaPending the password was right but a second factor is still owed; the session may only
 *     complete the factor or log out
 */
public record SessionRecord(
    String id,
    String secretHash,
    UserId user,
    AuthMethod auth,
    boolean mfaPending,
    String clientIp,
    Instant created,
    Instant lastSeen,
    Instant expires,
    boolean revoked) {
  public SessionRecord {
    if (id == null
        || secretHash == null
        || user == null
        || auth == null
        || created == null
        || lastSeen == null
        || expires == null) {
      throw new IllegalArgumentException("incomplete session record");
    }
    clientIp = clientIp == null ? "" : clientIp;
  }

  public SessionRecord withLastSeen(Instant at) {
    return new SessionRecord(
        id, secretHash, user, auth, mfaPending, clientIp, created, at, expires, revoked);
  }

  public SessionRecord completedFactor(AuthMethod stronger) {
    return new SessionRecord(
        id, secretHash, user, stronger, false, clientIp, created, lastSeen, expires, revoked);
  }

  public SessionRecord asRevoked() {
    return new SessionRecord(
        id, secretHash, user, auth, mfaPending, clientIp, created, lastSeen, expires, true);
  }
}
