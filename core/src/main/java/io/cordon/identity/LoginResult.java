package io.cordon.identity;

/**
 * A successful password check: the new session's secret (to hand to the client once, in a cookie)
 * and whether a second factor is still needed before the session may do anything else.
 */
public record LoginResult(
    String sessionSecret, SessionRecord session, User user, boolean mfaRequired) {
  @Override
  public String toString() {
    return "LoginResult[session="
        + session.id()
        + ", user="
        + user.username()
        + ", mfaRequired="
        + mfaRequired
        + "]";
  }
}
