package io.cordon.identity;

import java.time.Instant;

/**
 * A WebAuthn ceremony in progress: the options sent to the client (which contain the random
 * challenge), bound to the session that asked for them. Used at most once, and only before it
 * expires. Immutable.
 *
 * @param purpose {@code register} or {@code authenticate}
 * @param request the relying party's request as JSON, needed to verify the client's answer
 */
public record WebAuthnChallenge(
    String id, String sessionId, String purpose, String request, Instant expires) {
  public static final String REGISTER = "register";
  public static final String AUTHENTICATE = "authenticate";

  public WebAuthnChallenge {
    if (id == null || sessionId == null || request == null || expires == null) {
      throw new IllegalArgumentException("incomplete challenge");
    }
    if (!REGISTER.equals(purpose) && !AUTHENTICATE.equals(purpose)) {
      throw new IllegalArgumentException("unknown challenge purpose");
    }
  }

  @Override
  public String toString() {
    // The request holds the challenge: keep it out of logs.
    return "WebAuthnChallenge[id=" + id + ", purpose=" + purpose + ", expires=" + expires + "]";
  }
}
