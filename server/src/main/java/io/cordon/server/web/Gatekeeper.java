package io.cordon.server.web;

import io.cordon.context.Channel;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.identity.Authenticated;
import io.cordon.identity.DeviceService;
import io.cordon.identity.IdentityService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Authenticates every request (bearer token or session cookie), enforces CSRF protection for
 * cookie-authenticated state changes, and builds the {@link RequestContext} afresh for every
 * request (nothing is cached between requests): client address (through trusted proxies only),
 * network zone, location, device, when the session last proved a second factor, and its risk score.
 * A session whose request arrives from another zone or country than it was verified in must step up
 * first. The CSRF token is derived from the session secret, so it needs no storage and dies with
 * the session.
 */
final class Gatekeeper {
  static final String SESSION_COOKIE = "cordon_session";
  static final String DEVICE_COOKIE = "cordon_device";
  static final String CSRF_COOKIE = "cordon_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private final IdentityService identity;
  private final ContextSources sources;

  Gatekeeper(IdentityService identity, ContextSources sources) {
    this.identity = identity;
    this.sources = sources;
  }

  /** The context of a request with no credentials (yet), placed in its zone and location. */
  RequestContext anonymous(Context http) {
    String agent = http.header("User-Agent");
    return sources
        .network()
        .locate(
            RequestContext.anonymous(
                    Channel.API,
                    clientIp(http),
                    Optional.ofNullable(agent).map(a -> a.length() > 512 ? a.substring(0, 512) : a),
                    UUID.randomUUID().toString())
                .withJustification(justification(http)));
  }

  /**
   * The stated reason: the header, or on the browser's UI pages (which cannot set headers on a
   * link) the {@code justification} parameter of the form that asked for it.
   */
  private static Optional<String> justification(Context http) {
    String header = http.header(Justifications.HEADER);
    if (header != null || !http.path().startsWith("/ui/")) {
      return Justifications.parse(header);
    }
    return Justifications.typed(http.queryParam("justification"));
  }

  RequestContext admit(Context http, Access access) {
    RequestContext anon = anonymous(http);
    if (access == Access.PUBLIC) {
      return anon;
    }
    String authz = http.header("Authorization");
    Authenticated who;
    RequestContext base;
    if (authz != null) {
      if (!authz.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new CordonException.Unauthenticated("use Authorization: Bearer TOKEN");
      }
      who = identity.authenticateToken(authz.substring(7).trim());
      base = anon;
    } else {
      String secret = http.cookie(SESSION_COOKIE);
      if (secret == null) {
        throw new CordonException.Unauthenticated("log in or present an API token");
      }
      who = identity.authenticateSession(secret);
      if (!SAFE.contains(http.method()) && !csrfMatches(http, secret)) {
        throw new CordonException.Denied("missing or wrong " + CSRF_HEADER + " header");
      }
      base = anon.withChannel(Channel.WEB);
    }
    boolean enrolling = access == Access.ENROLMENT && who.enrolmentRequired();
    if (who.mfaPending() && access != Access.PARTIAL_SESSION && !enrolling) {
      throw new CordonException.Unauthenticated(
          who.enrolmentRequired()
              ? "your role requires a second factor: enrol TOTP or a passkey first"
              : "complete the second factor first");
    }
    String scope =
        switch (access) {
          case METRICS -> "metrics";
          case WITNESS -> "witness";
          default -> "api";
        };
    if (!who.scopes().contains(scope)) {
      throw new CordonException.Denied("the token lacks the '" + scope + "' scope");
    }
    RequestContext ctx =
        base.authenticated(who.subject(), who.credentialId(), who.method())
            .withSecondFactorAt(who.secondFactorAt())
            .withRiskScore(riskOf(who));
    if (authz != null) {
      return ctx; // an API token is its own credential: no device, no session anchor
    }
    Optional<DeviceService.Presented> device =
        sources
            .devices()
            .resolve(
                who.subject().user(),
                who.anchor().device(),
                Optional.ofNullable(http.cookie(DEVICE_COOKIE)));
    ctx =
        ctx.withDevice(device.map(d -> d.id().value()), device.map(d -> d.trusted()).orElse(false));
    if (!who.mfaPending() && access != Access.PARTIAL_SESSION) {
      // Continuous verification: the second-factor route stays open, so the session can step up.
      identity.requireSamePlace(ctx, who);
    }
    return ctx;
  }

  /** The session's risk, clamped to 0..1 whatever the source says. */
  private double riskOf(Authenticated who) {
    double r = sources.risk().riskOf(who.subject().user(), who.credentialId());
    return Double.isNaN(r) ? 1 : Math.max(0, Math.min(1, r));
  }

  /** The CSRF token belonging to a session secret. */
  static String csrfToken(String sessionSecret) {
    byte[] digest = sha256(("csrf:" + sessionSecret).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private static boolean csrfMatches(Context http, String sessionSecret) {
    String sent = http.header(CSRF_HEADER);
    return sent != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8),
            csrfToken(sessionSecret).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The client address: the peer, or what {@code X-Forwarded-For} says when the peer is a trusted
   * proxy ({@code http.trusted-proxies}).
   */
  String clientIp(Context http) {
    String peer = http.req().getRemoteAddr();
    if (peer == null || peer.isBlank()) {
      return "unknown";
    }
    java.util.List<String> forwarded =
        java.util.Collections.list(http.req().getHeaders("X-Forwarded-For"));
    return sources.network().clientAddress(peer, forwarded);
  }
}
