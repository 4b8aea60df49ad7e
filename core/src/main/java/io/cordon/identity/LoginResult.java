package io.cordon.identity;

import java.util.List;

/**
 * A successful password check: the new session's secret (to hand to the client once, in a cookie)
 * and whether a second factor is still needed before the session may do anything else.
 *
 * @param factors the second factors the user may complete the login with ({@code totp}, {@code
 *     webauthn}, {@code recovery}); empty when none is needed or none is enrolled
 * @param enrolmentRequired the user's role requires a second factor and none is enrolled: the
 *     session may only enrol one
 */
public record LoginResult(
    String sessionSecret,
    SessionRecord session,
    User user,
    boolean mfaRequired,
    List<String> factors,
    boolean enrolmentRequired) {
  public LoginResult {
    factors = List.copyOf(factors);
  }

  public LoginResult(String sessionSecret, SessionRecord session, User user, boolean mfaRequired) {
    this(sessionSecret, session, user, mfaRequired, List.of(), false);
  }

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
