package io.cordon.context;

import java.util.Optional;

/**
 * Everything a service needs to know about a request besides its arguments: who (subject, session,
 * authentication strength), how (channel, user agent, device) and from where (address, network
 * zone, country). Every application service method takes one as its first argument; channels build
 * it after authentication. Immutable and thread-safe.
 *
 * @param subject the authenticated principal, or empty for an anonymous request (login)
 * @param sessionId the session or token id, never the secret itself
 */
public record RequestContext(
    Optional<Subject> subject,
    Optional<String> sessionId,
    AuthMethod auth,
    Channel channel,
    String clientIp,
    Optional<String> zone,
    Optional<String> country,
    Optional<String> device,
    Optional<String> userAgent,
    String requestId) {

  public RequestContext {
    if (subject == null || sessionId == null || auth == null || channel == null) {
      throw new IllegalArgumentException("context is missing subject, session, auth or channel");
    }
    if (clientIp == null || clientIp.isBlank()) {
      throw new IllegalArgumentException("context needs a client address");
    }
    zone = zone == null ? Optional.empty() : zone;
    country = country == null ? Optional.empty() : country;
    device = device == null ? Optional.empty() : device;
    userAgent = userAgent == null ? Optional.empty() : userAgent;
    requestId = requestId == null ? "" : requestId;
  }

  /** An anonymous context, as a login request has before it succeeds. */
  public static RequestContext anonymous(
      Channel channel, String clientIp, Optional<String> userAgent, String requestId) {
    return new RequestContext(
        Optional.empty(),
        Optional.empty(),
        AuthMethod.NONE,
        channel,
        clientIp,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        userAgent,
        requestId);
  }

  /** The same context, now carrying an authenticated subject. */
  public RequestContext authenticated(Subject who, String session, AuthMethod method) {
    return new RequestContext(
        Optional.of(who),
        Optional.ofNullable(session),
        method,
        channel,
        clientIp,
        zone,
        country,
        device,
        userAgent,
        requestId);
  }

  /** The subject, or {@link CordonException.Unauthenticated} if the request is anonymous. */
  public Subject requireSubject() {
    return subject.orElseThrow(
        () -> new CordonException.Unauthenticated("authentication required"));
  }
}
