package io.cordon.identity;

import io.cordon.context.AuthMethod;
import io.cordon.context.Subject;

/**
 * A verified credential: who, through which session or token, how strongly.
 *
 * @param credentialId the session id or token id (never the secret)
 * @param mfaPending a password session still owing its second factor
 * @param scopes the token's scopes; for sessions, {@code api}
 */
public record Authenticated(
    Subject subject,
    String credentialId,
    AuthMethod method,
    boolean mfaPending,
    java.util.Set<String> scopes) {
  public Authenticated {
    scopes = java.util.Set.copyOf(scopes);
  }
}
