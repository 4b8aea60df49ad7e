package io.cordon.identity;

/**
 * Port: the current risk of a user's sessions, from 0 (nothing known against them) to 1, as
 * behaviour analytics ({@code detect}) judge it. Read once per request into {@link
 * io.cordon.context.RequestContext#riskScore()}, so the policy sees a raised score on the very next
 * request. Implementations are thread-safe and fast (a map lookup): they sit on every request.
 */
public interface SessionRisk {
  /** No analytics: every session is at risk 0. */
  SessionRisk NONE = (user, session) -> 0;

  /**
   * @param session the session or token id of the request
   * @return the risk, within 0..1
   */
  double riskOf(UserId user, String session);
}
