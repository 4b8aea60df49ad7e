package io.cordon.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.identity.Passkey;
import io.cordon.identity.PasskeyService;
import io.cordon.policy.Action;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Second factors besides TOTP, under {@code /api/v1/auth/mfa}: which factors a session may prove,
 * WebAuthn passkeys (registration, assertion as login factor or step-up, list, delete) and recovery
 * codes. Ceremony options are the JSON the browser passes to {@code navigator.credentials.create()}
 * / {@code .get()}; answers are the credential's JSON ({@code PublicKeyCredential.toJSON()}).
 */
final class MfaRoutes {
  private static final String MFA = "/api/v1/auth/mfa";

  private final Services services;

  MfaRoutes(Services services) {
    this.services = services;
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(new Route(HandlerType.GET, MFA, Access.PARTIAL_SESSION, this::status));
    r.add(
        new Route(
            HandlerType.POST,
            MFA + "/webauthn/registration/options",
            Access.ENROLMENT,
            this::registrationOptions));
    r.add(
        new Route(
            HandlerType.POST, MFA + "/webauthn/registration", Access.ENROLMENT, this::register));
    r.add(
        new Route(
            HandlerType.POST,
            MFA + "/webauthn/assertion/options",
            Access.PARTIAL_SESSION,
            this::assertionOptions));
    r.add(
        new Route(
            HandlerType.POST,
            MFA + "/webauthn/assertion",
            Access.PARTIAL_SESSION,
            this::assertion));
    r.add(
        new Route(
            HandlerType.GET, MFA + "/webauthn/credentials", Access.AUTHENTICATED, this::passkeys));
    r.add(
        new Route(
            HandlerType.DELETE,
            MFA + "/webauthn/credentials/{id}",
            Access.AUTHENTICATED,
            this::deletePasskey));
    r.add(
        new Route(
            HandlerType.POST,
            MFA + "/recovery-codes",
            Access.AUTHENTICATED,
            this::newRecoveryCodes));
    r.add(new Route(HandlerType.POST, MFA + "/recovery", Access.PARTIAL_SESSION, this::recovery));
    return List.copyOf(r);
  }

  private void status(Context http, RequestContext rc) {
    services.selfService().authorizeOwnAccount(rc, "mfa.list", Action.VIEW);
    http.json(
        Views.map(
            "auth",
            rc.auth().code(),
            "factors",
            services.identity().availableFactors(rc),
            "recoveryCodesLeft",
            services.recoveryCodes().remaining(rc)));
  }

  private void registrationOptions(Context http, RequestContext rc) throws IOException {
    services.selfService().authorizeOwnAccount(rc, "mfa.enroll", Action.MANAGE);
    options(http, services.passkeys().startRegistration(rc));
  }

  private void register(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    Passkey p =
        services
            .passkeys()
            .finishRegistration(
                rc,
                Json.text(body, "challengeId"),
                Json.optionalText(body, "label").orElse("passkey"),
                credential(body));
    http.status(201).json(view(p));
  }

  private void assertionOptions(Context http, RequestContext rc) throws IOException {
    options(http, services.passkeys().startAssertion(rc));
  }

  private void assertion(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    services.passkeys().finishAssertion(rc, Json.text(body, "challengeId"), credential(body));
    http.json(Map.of("mfaRequired", false, "auth", "webauthn"));
  }

  private void passkeys(Context http, RequestContext rc) {
    services.selfService().authorizeOwnAccount(rc, "mfa.list", Action.VIEW);
    http.json(services.passkeys().list(rc).stream().map(MfaRoutes::view).toList());
  }

  private void deletePasskey(Context http, RequestContext rc) {
    services.passkeys().delete(rc, http.pathParam("id"));
    http.status(204);
  }

  private void newRecoveryCodes(Context http, RequestContext rc) {
    List<String> codes = services.recoveryCodes().regenerate(rc);
    http.status(201).json(Map.of("codes", codes));
  }

  private void recovery(Context http, RequestContext rc) {
    services.recoveryCodes().complete(rc, Json.text(Json.body(http), "code"));
    http.json(Map.of("mfaRequired", false, "auth", "password+recovery"));
  }

  private static void options(Context http, PasskeyService.ChallengeOptions o) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("challengeId", o.challengeId());
    body.put("publicKey", Json.mapper().readTree(o.options()).path("publicKey"));
    http.json(body);
  }

  /** The credential JSON, as an object (a browser's toJSON()) or as text holding one. */
  private static String credential(JsonNode body) {
    JsonNode c = body.get("credential");
    if (c == null || c.isNull()) {
      throw new CordonException.InvalidInput("'credential' is required");
    }
    if (c.isObject()) {
      return c.toString();
    }
    if (c.isTextual()) {
      return c.asText();
    }
    throw new CordonException.InvalidInput("'credential' must be the credential's JSON object");
  }

  private static Map<String, Object> view(Passkey p) {
    return Views.map(
        "id",
        p.id(),
        "label",
        p.label(),
        "created",
        p.created(),
        "lastUsed",
        p.lastUsed().orElse(null),
        "signCount",
        p.signCount());
  }
}
