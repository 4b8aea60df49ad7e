package io.cordon.context;

import java.time.Instant;
import java.util.Optional;

/**
 * Everything a service needs to know about a request besides its arguments: who (subject, session,
 * authentication strength and when the second factor was last proven), how (channel, user agent,
 * device) and from where (address, network zone, location), plus the session's risk score. Every
 * application service method takes one as its first argument; channels build it after
 * authentication, and the policy engine decides on it. Immutable and thread-safe.
 *
 * @param subject the authenticated principal, or empty for an anonymous request (login)
 * @param sessionId the session or token id, never the secret itself
 * @param clientIp the client address: the peer, or the address a trusted proxy forwarded
 * @param zone the network zone of {@code clientIp} from the configured CIDR table
 * @param geo where {@code clientIp} is, when a geolocation database is configured
 * @param device the id of the recognised device, when the client presented a device credential
 * @param deviceTrusted whether that device is registered to the subject and not revoked
 * @param secondFactorAt when the session last proved a second factor (MFA age for policy)
 * @param riskScore the session's risk, 0 (none known) to 1, fed by behaviour analytics
 * @param justification why the requester says they need it, when they said (a policy obligation may
 *     require it; it is recorded with the request's audit event)
 */
public record RequestContext(
    Optional<Subject> subject,
    Optional<String> sessionId,
    AuthMethod auth,
    Channel channel,
    String clientIp,
    Optional<String> zone,
    Optional<GeoLocation> geo,
    Optional<String> device,
    boolean deviceTrusted,
    Optional<String> userAgent,
    Optional<Instant> secondFactorAt,
    double riskScore,
    Optional<String> justification,
    String requestId) {

  public RequestContext {
    if (subject == null || sessionId == null || auth == null || channel == null) {
      throw new IllegalArgumentException("context is missing subject, session, auth or channel");
    }
    if (clientIp == null || clientIp.isBlank()) {
      throw new IllegalArgumentException("context needs a client address");
    }
    if (!(riskScore >= 0 && riskScore <= 1)) {
      throw new IllegalArgumentException("risk score must be within 0..1");
    }
    zone = zone == null ? Optional.empty() : zone;
    geo = geo == null ? Optional.empty() : geo;
    device = device == null ? Optional.empty() : device;
    userAgent = userAgent == null ? Optional.empty() : userAgent;
    secondFactorAt = secondFactorAt == null ? Optional.empty() : secondFactorAt;
    justification = justification == null ? Optional.empty() : justification;
    requestId = requestId == null ? "" : requestId;
  }

  /** The same context, with the requester's stated reason for the request. */
  public RequestContext withJustification(Optional<String> why) {
    return new RequestContext(
        subject,
        sessionId,
        auth,
        channel,
        clientIp,
        zone,
        geo,
        device,
        deviceTrusted,
        userAgent,
        secondFactorAt,
        riskScore,
        why,
        requestId);
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
        false,
        userAgent,
        Optional.empty(),
        0,
        Optional.empty(),
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
        geo,
        device,
        deviceTrusted,
        userAgent,
        secondFactorAt,
        riskScore,
        justification,
        requestId);
  }

  /** The same context, arriving through another channel. */
  public RequestContext withChannel(Channel through) {
    return new RequestContext(
        subject,
        sessionId,
        auth,
        through,
        clientIp,
        zone,
        geo,
        device,
        deviceTrusted,
        userAgent,
        secondFactorAt,
        riskScore,
        justification,
        requestId);
  }

  /** The same context, placed in a network zone and a location. */
  public RequestContext withNetwork(Optional<String> inZone, Optional<GeoLocation> at) {
    return new RequestContext(
        subject,
        sessionId,
        auth,
        channel,
        clientIp,
        inZone,
        at,
        device,
        deviceTrusted,
        userAgent,
        secondFactorAt,
        riskScore,
        justification,
        requestId);
  }

  /** The same context, from a recognised (or unrecognised) device. */
  public RequestContext withDevice(Optional<String> id, boolean trusted) {
    return new RequestContext(
        subject,
        sessionId,
        auth,
        channel,
        clientIp,
        zone,
        geo,
        id,
        trusted,
        userAgent,
        secondFactorAt,
        riskScore,
        justification,
        requestId);
  }

  /** The same context, with the time its session last proved a second factor. */
  public RequestContext withSecondFactorAt(Optional<Instant> at) {
    return new RequestContext(
        subject,
        sessionId,
        auth,
        channel,
        clientIp,
        zone,
        geo,
        device,
        deviceTrusted,
        userAgent,
        at,
        riskScore,
        justification,
        requestId);
  }

  /** The same context, with the session's current risk score. */
  public RequestContext withRiskScore(double score) {
    return new RequestContext(
        subject,
        sessionId,
        auth,
        channel,
        clientIp,
        zone,
        geo,
        device,
        deviceTrusted,
        userAgent,
        secondFactorAt,
        score,
        justification,
        requestId);
  }

  /** The country of the client address, when known. */
  public Optional<String> country() {
    return geo.flatMap(GeoLocation::country);
  }

  /** The subject, or {@link CordonException.Unauthenticated} if the request is anonymous. */
  public Subject requireSubject() {
    return subject.orElseThrow(
        () -> new CordonException.Unauthenticated("authentication required"));
  }
}
