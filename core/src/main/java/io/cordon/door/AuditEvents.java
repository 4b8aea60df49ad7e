package io.cordon.door;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEvent.Actor;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.audit.AuditEvent.EventContext;
import io.cordon.audit.AuditEvent.Outcome;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds audit events from a request context, so every event names its actor and context the same
 * way. Stateless.
 */
public final class AuditEvents {
  private AuditEvents() {}

  public static AuditEvent of(
      RequestContext ctx,
      Instant time,
      String action,
      Optional<AuditObject> object,
      Outcome outcome,
      Optional<String> reason,
      Map<String, Object> details) {
    return new AuditEvent(
        0,
        time,
        actor(ctx),
        action,
        object,
        outcome,
        reason,
        context(ctx),
        withJustification(ctx, details));
  }

  /** The requester's stated reason, when given, goes with every event of its request. */
  private static Map<String, Object> withJustification(
      RequestContext ctx, Map<String, Object> details) {
    if (ctx.justification().isEmpty() || details.containsKey(JUSTIFICATION)) {
      return details;
    }
    Map<String, Object> all = new java.util.LinkedHashMap<>(details);
    all.put(JUSTIFICATION, ctx.justification().get());
    return all;
  }

  /** The details key of the requester's stated reason. */
  public static final String JUSTIFICATION = "justification";

  /** The actor of an authenticated request, or of an anonymous one claiming a username. */
  public static Actor actor(RequestContext ctx) {
    Optional<Subject> who = ctx.subject();
    return new Actor(
        who.map(s -> s.user().value()),
        who.map(Subject::username),
        who.map(s -> s.org().value()),
        who.map(s -> s.orgKind().code()),
        who.map(s -> s.roles().stream().sorted().toList()).orElse(List.of()),
        ctx.sessionId(),
        who.isPresent() ? Optional.of(ctx.auth().code()) : Optional.empty());
  }

  /** The actor of a failed login: only the name that was tried. */
  public static Actor claimed(String username) {
    return new Actor(
        Optional.empty(),
        Optional.of(username),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  public static EventContext context(RequestContext ctx) {
    return new EventContext(
        ctx.channel().code(),
        Optional.of(ctx.clientIp()),
        ctx.zone(),
        ctx.geo().map(g -> new AuditEvent.Geo(g.country(), g.city(), g.lat(), g.lon())),
        ctx.device(),
        ctx.userAgent());
  }
}
