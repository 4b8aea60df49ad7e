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
 * @param anchor where and when the session was last verified (continuous verification)
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
    boolean revoked,
    SessionAnchor anchor) {
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
    anchor = anchor == null ? SessionAnchor.none() : anchor;
  }

  /** A session with nothing anchored yet. */
  public SessionRecord(
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
    this(
        id,
        secretHash,
        user,
        auth,
        mfaPending,
        clientIp,
        created,
        lastSeen,
        expires,
        revoked,
        SessionAnchor.none());
  }

  public SessionRecord withLastSeen(Instant at) {
    return new SessionRecord(
        id, secretHash, user, auth, mfaPending, clientIp, created, at, expires, revoked, anchor);
  }

  public SessionRecord completedFactor(AuthMethod stronger) {
    return new SessionRecord(
        id,
        secretHash,
        user,
        stronger,
        false,
        clientIp,
        created,
        lastSeen,
        expires,
        revoked,
        anchor);
  }

  /**
   * The session after a second factor proven at {@code at} from this zone and country: full
   * strength, and anchored where the proof came from (the one place both login completion and
   * step-up go through).
   */
  public SessionRecord provedSecondFactor(
      AuthMethod stronger,
      Instant at,
      java.util.Optional<String> zone,
      java.util.Optional<String> country) {
    return completedFactor(stronger).withAnchor(anchor.steppedUp(at, zone, country));
  }

  public SessionRecord asRevoked() {
    return new SessionRecord(
        id, secretHash, user, auth, mfaPending, clientIp, created, lastSeen, expires, true, anchor);
  }

  /** The same session, anchored anew (login, step-up). */
  public SessionRecord withAnchor(SessionAnchor to) {
    return new SessionRecord(
        id, secretHash, user, auth, mfaPending, clientIp, created, lastSeen, expires, revoked, to);
  }
}
