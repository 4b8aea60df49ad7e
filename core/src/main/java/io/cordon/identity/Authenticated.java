package io.cordon.identity;

import io.cordon.context.AuthMethod;
import io.cordon.context.Subject;

/**
 * A verified credential: who, through which session or token, how strongly.
 *
 * @param credentialId the session id or token id (never the secret)
 * @param mfaPending a password session still owing its second factor
 * @param scopes the token's scopes; for sessions, {@code api}
 * @param enrolmentRequired a pending session whose user must enrol a second factor (none yet, but
 *     one is required for their role): it may enrol one, and nothing else
 */
public record Authenticated(
    Subject subject,
    String credentialId,
    AuthMethod method,
    boolean mfaPending,
    java.util.Set<String> scopes,
    boolean enrolmentRequired) {
  public Authenticated {
    scopes = java.util.Set.copyOf(scopes);
    enrolmentRequired = enrolmentRequired && mfaPending;
  }

  /** A credential with no enrolment owed. */
  public Authenticated(
      Subject subject,
      String credentialId,
      AuthMethod method,
      boolean mfaPending,
      java.util.Set<String> scopes) {
    this(subject, credentialId, method, mfaPending, scopes, false);
  }
}
