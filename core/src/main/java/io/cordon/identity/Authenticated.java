package io.cordon.identity;

import io.cordon.context.AuthMethod;
import io.cordon.context.Subject;
import java.time.Instant;
import java.util.Optional;

/**
 * A verified credential: who, through which session or token, how strongly.
 *
 * @param credentialId the session id or token id (never the secret)
 * @param mfaPending a password session still owing its second factor
 * @param scopes the token's scopes; for sessions, {@code api}
 * @param enrolmentRequired a pending session whose user must enrol a second factor (none yet, but
 *     one is required for their role): it may enrol one, and nothing else
 * @param anchor where and when a session was last verified; {@link SessionAnchor#none()} for tokens
 */
public record Authenticated(
    Subject subject,
    String credentialId,
    AuthMethod method,
    boolean mfaPending,
    java.util.Set<String> scopes,
    boolean enrolmentRequired,
    SessionAnchor anchor) {
  public Authenticated {
    scopes = java.util.Set.copyOf(scopes);
    enrolmentRequired = enrolmentRequired && mfaPending;
    anchor = anchor == null ? SessionAnchor.none() : anchor;
  }

  /** A credential with no enrolment owed and no session anchor (an API token). */
  public Authenticated(
      Subject subject,
      String credentialId,
      AuthMethod method,
      boolean mfaPending,
      java.util.Set<String> scopes) {
    this(subject, credentialId, method, mfaPending, scopes, false, SessionAnchor.none());
  }

  /** When the session last proved a second factor, for {@code RequestContext#secondFactorAt}. */
  public Optional<Instant> secondFactorAt() {
    return anchor.secondFactorAt();
  }
}
