package io.cordon.server.web;

import static io.cordon.server.web.PathIds.fileId;
import static io.cordon.server.web.PathIds.workspaceId;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.audit.AuditEventCodec;
import io.cordon.content.Deletion;
import io.cordon.content.FileId;
import io.cordon.content.LegalHold;
import io.cordon.content.LegalHoldId;
import io.cordon.content.RetentionPeriod;
import io.cordon.content.WorkspaceId;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record lifecycle routes: soft delete and restore of files, workspace retention rules and
 * legal holds. Handlers translate HTTP to service calls, nothing more; policy and audit happen
 * behind the one door.
 */
final class LifecycleRoutes {
  private static final String V1 = "/api/v1";

  private final Services services;

  LifecycleRoutes(Services services) {
    this.services = services;
  }

  List<Route> routes() {
    return List.of(
        route(HandlerType.DELETE, "/files/{id}", this::delete),
        route(HandlerType.POST, "/files/{id}/restore", this::restore),
        route(HandlerType.GET, "/workspaces/{id}/retention", this::retention),
        route(HandlerType.PUT, "/workspaces/{id}/retention", this::setRetention),
        route(HandlerType.POST, "/workspaces/{id}/legal-holds", this::holdWorkspace),
        route(HandlerType.POST, "/files/{id}/legal-holds", this::holdFile),
        route(HandlerType.GET, "/legal-holds", this::holds),
        route(HandlerType.DELETE, "/legal-holds/{id}", this::release));
  }

  private static Route route(HandlerType method, String path, Endpoint endpoint) {
    return new Route(method, V1 + path, Access.AUTHENTICATED, endpoint);
  }

  private void delete(Context http, RequestContext rc) {
    Optional<String> reason = Optional.empty();
    if (hasBody(http)) {
      reason = Json.optionalText(Json.body(http), "reason");
    }
    FileId id = fileId(http);
    Deletion d = services.lifecycle().delete(rc, id, reason);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id.value());
    body.put("deleted", AuditEventCodec.formatTime(d.at()));
    body.put("deletedBy", d.by().value());
    d.reason().ifPresent(r -> body.put("reason", r));
    http.json(body);
  }

  private void restore(Context http, RequestContext rc) {
    var file = services.lifecycle().restore(rc, fileId(http));
    http.json(Views.map("id", file.id().value(), "name", file.name(), "restored", true));
  }

  private void retention(Context http, RequestContext rc) {
    WorkspaceId id = workspaceId(http);
    http.json(retentionView(id, services.lifecycle().retention(rc, id)));
  }

  private void setRetention(Context http, RequestContext rc) {
    WorkspaceId id = workspaceId(http);
    JsonNode body = Json.body(http);
    if (!body.has("retention")) {
      throw new CordonException.InvalidInput(
          "'retention' is required: an ISO-8601 period such as P15Y, or null to keep forever");
    }
    Optional<RetentionPeriod> wanted =
        Json.optionalText(body, "retention").map(RetentionPeriod::parse);
    http.json(retentionView(id, services.lifecycle().setRetention(rc, id, wanted)));
  }

  private void holdWorkspace(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    LegalHold h =
        services
            .holds()
            .placeOnWorkspace(
                rc, workspaceId(http), Json.text(body, "matter"), Json.text(body, "reason"));
    http.status(201).json(hold(h));
  }

  private void holdFile(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    LegalHold h =
        services
            .holds()
            .placeOnFile(rc, fileId(http), Json.text(body, "matter"), Json.text(body, "reason"));
    http.status(201).json(hold(h));
  }

  private void holds(Context http, RequestContext rc) {
    Optional<WorkspaceId> ws =
        Optional.ofNullable(http.queryParam("workspace")).map(PathIds::workspaceId);
    String released = http.queryParam("released");
    if (released != null && !released.equals("true") && !released.equals("false")) {
      throw new CordonException.InvalidInput("'released' must be true or false");
    }
    http.json(
        services.holds().list(rc, ws, "true".equals(released)).stream()
            .map(LifecycleRoutes::hold)
            .toList());
  }

  private void release(Context http, RequestContext rc) {
    LegalHoldId id;
    try {
      id = new LegalHoldId(http.pathParam("id"));
    } catch (CordonException.InvalidInput e) {
      throw new CordonException.NotFound("no such legal hold");
    }
    http.json(hold(services.holds().release(rc, id)));
  }

  static Map<String, Object> hold(LegalHold h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", h.id().value());
    m.put("workspace", h.workspace().value());
    h.file().ifPresent(f -> m.put("file", f.value()));
    m.put("matter", h.matter());
    m.put("reason", h.reason());
    m.put("placedBy", h.placedBy().value());
    m.put("placed", AuditEventCodec.formatTime(h.placed()));
    m.put("active", h.isActive());
    h.releasedBy().ifPresent(u -> m.put("releasedBy", u.value()));
    h.released().ifPresent(t -> m.put("released", AuditEventCodec.formatTime(t)));
    return m;
  }

  private static Map<String, Object> retentionView(
      WorkspaceId id, Optional<RetentionPeriod> retention) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("workspace", id.value());
    m.put("retention", retention.map(RetentionPeriod::toString).orElse(null));
    return m;
  }

  /** A DELETE may come without a body (or with an empty one); a reason is then absent. */
  private static boolean hasBody(Context http) {
    String length = http.header("Content-Length");
    String chunked = http.header("Transfer-Encoding");
    return (length != null && !length.strip().equals("0")) || chunked != null;
  }
}
