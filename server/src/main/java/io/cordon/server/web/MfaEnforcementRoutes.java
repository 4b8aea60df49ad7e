package io.cordon.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.identity.MfaEnforcementService.Enforcement;
import io.cordon.identity.OrgId;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MFA enforcement per organisation, {@code /api/v1/organisations/{id}/mfa}: read it, or replace the
 * roles ({@code *} for everyone) whose holders must have a second factor. Administrators only, by
 * policy.
 */
final class MfaEnforcementRoutes {
  private static final String PATH = "/api/v1/organisations/{id}/mfa";
  private static final int MAX_ROLES = 32;

  private final Services services;

  MfaEnforcementRoutes(Services services) {
    this.services = services;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, PATH, Access.AUTHENTICATED, this::get),
        new Route(HandlerType.PUT, PATH, Access.AUTHENTICATED, this::put));
  }

  private void get(Context http, RequestContext rc) {
    http.json(view(services.mfaEnforcement().get(rc, orgId(http))));
  }

  private void put(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    JsonNode roles = body.get("requiredRoles");
    if (roles == null || !roles.isArray() || roles.size() > MAX_ROLES) {
      throw new CordonException.InvalidInput(
          "'requiredRoles' must be an array of at most " + MAX_ROLES + " role names");
    }
    Set<String> wanted = new HashSet<>();
    for (JsonNode r : roles) {
      if (!r.isTextual()) {
        throw new CordonException.InvalidInput("'requiredRoles' must hold strings");
      }
      wanted.add(r.asText());
    }
    http.json(view(services.mfaEnforcement().set(rc, orgId(http), wanted)));
  }

  private static Object view(Enforcement e) {
    return Views.map(
        "organisation",
        e.organisation().id().value(),
        "requiredRoles",
        e.requiredRoles().stream().sorted().toList(),
        "installationRoles",
        e.installationRoles().stream().sorted().toList());
  }

  // A malformed id names nothing that could exist: 404 like an unknown one (see PathIds).
  private static OrgId orgId(Context http) {
    try {
      return new OrgId(http.pathParam("id"));
    } catch (CordonException.InvalidInput e) {
      throw new CordonException.NotFound("no such organisation");
    }
  }
}
