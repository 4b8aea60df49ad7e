package io.cordon.server.web;

import io.cordon.audit.AuditEventCodec;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.door.SelfServiceAccess;
import io.cordon.identity.DeviceId;
import io.cordon.identity.DeviceRecord;
import io.cordon.identity.DeviceService;
import io.cordon.policy.Action;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Device recognition over HTTP: the device cookie issued after a full login, and the user's list
 * and revocation of their devices. The cookie holds the device secret (HttpOnly, Secure,
 * SameSite=Strict); the API only ever shows device ids. Handlers translate; {@link DeviceService}
 * decides and audits.
 */
final class DeviceRoutes {
  private static final String V1 = "/api/v1";

  private final DeviceService devices;
  private final Duration lifetime;
  private final boolean secureCookies;
  private final SelfServiceAccess access;

  DeviceRoutes(ContextSources sources, SelfServiceAccess access, boolean secureCookies) {
    this.access = access;
    this.devices = sources.devices();
    this.lifetime = sources.deviceCookieLifetime();
    this.secureCookies = secureCookies;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, V1 + "/users/me/devices", Access.AUTHENTICATED, this::list),
        new Route(
            HandlerType.DELETE, V1 + "/users/me/devices/{id}", Access.AUTHENTICATED, this::revoke));
  }

  /**
   * Recognises (or registers) the device of a fully authenticated session and, when a credential
   * was issued, sets its cookie on the answer.
   */
  void recognise(Context http, RequestContext rc, String sessionId) {
    DeviceService.Recognised r =
        devices.recognise(
            rc, sessionId, Optional.ofNullable(http.cookie(Gatekeeper.DEVICE_COOKIE)));
    r.newSecret()
        .ifPresent(
            secret ->
                http.res()
                    .addHeader(
                        "Set-Cookie",
                        Gatekeeper.DEVICE_COOKIE
                            + "="
                            + secret
                            + "; Path=/; Max-Age="
                            + lifetime.toSeconds()
                            + (secureCookies ? "; Secure" : "")
                            + "; HttpOnly; SameSite=Strict"));
  }

  private void list(Context http, RequestContext rc) {
    access.authorizeOwnAccount(rc, "device.list", Action.VIEW);
    String current = rc.device().orElse("");
    http.json(devices.list(rc).stream().map(d -> view(d, current)).toList());
  }

  private void revoke(Context http, RequestContext rc) {
    DeviceId id;
    try {
      id = new DeviceId(http.pathParam("id"));
    } catch (CordonException.InvalidInput e) {
      throw new CordonException.NotFound("no such device");
    }
    devices.revoke(rc, id);
    http.status(204);
  }

  private static Map<String, Object> view(DeviceRecord d, String current) {
    return Views.map(
        "id",
        d.id().value(),
        "label",
        d.label(),
        "created",
        AuditEventCodec.formatTime(d.created()),
        "lastSeen",
        AuditEventCodec.formatTime(d.lastSeen()),
        "revoked",
        d.revoked().map(AuditEventCodec::formatTime).orElse(null),
        "current",
        d.id().value().equals(current));
  }
}
