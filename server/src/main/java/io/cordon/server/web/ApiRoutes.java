package io.cordon.server.web;

import static io.cordon.server.web.PathIds.fileId;
import static io.cordon.server.web.PathIds.workspaceId;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.audit.signature.FileSignatures;
import io.cordon.audit.tree.ConsistencyProof;
import io.cordon.audit.tree.InclusionProof;
import io.cordon.content.Classification;
import io.cordon.content.Download;
import io.cordon.content.FileVersion;
import io.cordon.content.RetentionPeriod;
import io.cordon.content.WorkspaceRole;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.identity.LoginResult;
import io.cordon.identity.OrgKind;
import io.cordon.identity.TotpEnrolment;
import io.cordon.identity.UserId;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The REST API of API.md. Each route declares its {@link Access}; handlers translate HTTP to
 * service calls and back, nothing more.
 */
final class ApiRoutes {
  private static final String V1 = "/api/v1";

  private final Services services;
  private final boolean secureCookies;
  private final SignatureRoutes signatures;
  private final DeviceRoutes devices;
  private final UiRoutes ui;

  ApiRoutes(Services services, boolean secureCookies) {
    this.services = services;
    this.ui = new UiRoutes(services, new Assets(), this::content);
    this.secureCookies = secureCookies;
    this.signatures = new SignatureRoutes(services);
    this.devices = new DeviceRoutes(services.context(), services.selfService(), secureCookies);
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(new Route(HandlerType.GET, "/healthz", Access.PUBLIC, this::health));
    r.add(new Route(HandlerType.GET, "/readyz", Access.PUBLIC, this::ready));
    r.add(new Route(HandlerType.GET, "/metrics", Access.METRICS, this::metrics));
    r.add(new Route(HandlerType.GET, V1 + "/openapi.json", Access.PUBLIC, this::openApi));
    r.add(new Route(HandlerType.POST, V1 + "/auth/login", Access.PUBLIC, this::login));
    r.add(new Route(HandlerType.POST, V1 + "/auth/mfa/totp", Access.PARTIAL_SESSION, this::totp));
    r.add(
        new Route(
            HandlerType.POST, V1 + "/auth/mfa/totp/enroll", Access.ENROLMENT, this::totpEnroll));
    r.add(
        new Route(
            HandlerType.POST, V1 + "/auth/mfa/totp/confirm", Access.ENROLMENT, this::totpConfirm));
    r.addAll(new MfaRoutes(services).routes());
    r.add(new Route(HandlerType.POST, V1 + "/auth/logout", Access.PARTIAL_SESSION, this::logout));
    r.add(new Route(HandlerType.GET, V1 + "/users/me", Access.AUTHENTICATED, this::me));
    r.add(
        new Route(
            HandlerType.POST,
            V1 + "/organisations",
            Access.AUTHENTICATED,
            this::createOrganisation));
    r.add(
        new Route(
            HandlerType.GET, V1 + "/organisations", Access.AUTHENTICATED, this::organisations));
    r.addAll(new MfaEnforcementRoutes(services).routes());
    r.add(new Route(HandlerType.POST, V1 + "/users", Access.AUTHENTICATED, this::createUser));
    r.add(new Route(HandlerType.GET, V1 + "/users", Access.AUTHENTICATED, this::users));
    r.add(
        new Route(
            HandlerType.POST,
            V1 + "/users/{id}/disable",
            Access.AUTHENTICATED,
            (http, rc) -> setEnabled(http, rc, false)));
    r.add(
        new Route(
            HandlerType.POST,
            V1 + "/users/{id}/enable",
            Access.AUTHENTICATED,
            (http, rc) -> setEnabled(http, rc, true)));
    r.add(
        new Route(
            HandlerType.POST, V1 + "/workspaces", Access.AUTHENTICATED, this::createWorkspace));
    r.add(new Route(HandlerType.GET, V1 + "/workspaces", Access.AUTHENTICATED, this::workspaces));
    r.add(
        new Route(
            HandlerType.POST,
            V1 + "/workspaces/{id}/members",
            Access.AUTHENTICATED,
            this::addMember));
    r.add(
        new Route(
            HandlerType.GET, V1 + "/workspaces/{id}/members", Access.AUTHENTICATED, this::members));
    r.add(
        new Route(
            HandlerType.POST, V1 + "/workspaces/{id}/files", Access.AUTHENTICATED, this::upload));
    r.add(
        new Route(
            HandlerType.GET, V1 + "/workspaces/{id}/files", Access.AUTHENTICATED, this::files));
    r.add(new Route(HandlerType.GET, V1 + "/files/{id}", Access.AUTHENTICATED, this::file));
    r.add(
        new Route(
            HandlerType.GET, V1 + "/files/{id}/content", Access.AUTHENTICATED, this::content));
    r.addAll(new AuditRoutes(services.auditSearch()).routes(V1));
    r.add(
        new Route(
            HandlerType.GET, V1 + "/audit/checkpoint", Access.AUTHENTICATED, this::checkpoint));
    r.add(
        new Route(
            HandlerType.GET,
            V1 + "/audit/checkpoint/key",
            Access.AUTHENTICATED,
            this::checkpointKey));
    r.add(
        new Route(
            HandlerType.GET,
            V1 + "/audit/proof/inclusion",
            Access.AUTHENTICATED,
            this::inclusionProof));
    r.add(
        new Route(
            HandlerType.GET,
            V1 + "/audit/proof/consistency",
            Access.AUTHENTICATED,
            this::consistencyProof));
    r.addAll(new LifecycleRoutes(services).routes());
    r.addAll(new WitnessRoutes(services.witness()).routes());
    r.addAll(signatures.routes());
    r.addAll(new TusRoutes(services.uploads(), services.selfService()).routes());
    r.addAll(devices.routes());
    r.addAll(new SharingRoutes(services).routes());
    r.addAll(new InspectionRoutes(services).routes());
    r.addAll(new PolicyRoutes(services.policy()).routes(V1));
    r.addAll(ui.routes());
    return List.copyOf(r);
  }

  /** The web UI's pages, whose failures are answered as HTML (see {@link UiRoutes#fail}). */
  UiRoutes ui() {
    return ui;
  }

  private void metrics(Context http, RequestContext rc) {
    services.telemetryAccess().authorizeScrape(rc);
    http.contentType("text/plain; version=0.0.4; charset=utf-8");
    http.result(services.telemetry().scrape());
  }

  private void health(Context http, RequestContext rc) {
    http.json(Map.of("status", "ok"));
  }

  private void ready(Context http, RequestContext rc) {
    if (services.ready().getAsBoolean()) {
      http.json(Map.of("status", "ready"));
    } else {
      Problems.write(http, 503, "unavailable", "Unavailable", "the metadata store is unavailable");
    }
  }

  private void openApi(Context http, RequestContext rc) throws Exception {
    try (InputStream in = ApiRoutes.class.getResourceAsStream("/openapi.json")) {
      http.contentType("application/json").result(in.readAllBytes());
    }
  }

  private void login(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    char[] password = Json.text(body, "password").toCharArray();
    LoginResult result;
    try {
      result = services.identity().login(rc, Json.text(body, "username"), password);
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
    String csrf = Gatekeeper.csrfToken(result.sessionSecret());
    http.header("Set-Cookie", cookie(Gatekeeper.SESSION_COOKIE, result.sessionSecret(), true));
    http.res().addHeader("Set-Cookie", cookie(Gatekeeper.CSRF_COOKIE, csrf, false));
    if (!result.mfaRequired()) {
      devices.recognise(http, rc, result.session().id());
    }
    http.json(
        Views.map(
            "mfaRequired",
            result.mfaRequired(),
            "factors",
            result.factors(),
            "enrolmentRequired",
            result.enrolmentRequired(),
            "csrfToken",
            csrf,
            "session",
            result.session().id(),
            "user",
            Views.user(result.user())));
  }

  private String cookie(String name, String value, boolean httpOnly) {
    return name
        + "="
        + value
        + "; Path=/"
        + (secureCookies ? "; Secure" : "")
        + (httpOnly ? "; HttpOnly" : "")
        + "; SameSite=Strict";
  }

  private void totp(Context http, RequestContext rc) {
    services.identity().completeTotp(rc, Json.text(Json.body(http), "code"));
    rc.sessionId().ifPresent(session -> devices.recognise(http, rc, session));
    http.json(Map.of("mfaRequired", false));
  }

  private void totpEnroll(Context http, RequestContext rc) {
    TotpEnrolment e = services.identity().enrollTotp(rc);
    http.json(Map.of("secret", e.secret(), "otpauthUri", e.otpauthUri()));
  }

  private void totpConfirm(Context http, RequestContext rc) {
    services.identity().confirmTotp(rc, Json.text(Json.body(http), "code"));
    http.json(Map.of("enabled", true));
  }

  private void logout(Context http, RequestContext rc) {
    services.identity().logout(rc);
    http.res()
        .addHeader(
            "Set-Cookie",
            Gatekeeper.SESSION_COOKIE
                + "=; Path=/; Max-Age=0"
                + (secureCookies ? "; Secure" : "")
                + "; HttpOnly; SameSite=Strict");
    http.status(204);
  }

  private void me(Context http, RequestContext rc) {
    var s = rc.requireSubject();
    http.json(
        Views.map(
            "id",
            s.user().value(),
            "username",
            s.username(),
            "org",
            s.org().value(),
            "orgKind",
            s.orgKind().code(),
            "roles",
            s.roles().stream().sorted().toList(),
            "auth",
            rc.auth().code(),
            "context",
            Views.map(
                "ip",
                rc.clientIp(),
                "zone",
                rc.zone().orElse(null),
                "country",
                rc.country().orElse(null),
                "device",
                rc.device().orElse(null),
                "deviceTrusted",
                rc.deviceTrusted(),
                "secondFactorAt",
                rc.secondFactorAt().map(io.cordon.audit.AuditEventCodec::formatTime).orElse(null),
                "riskScore",
                rc.riskScore())));
  }

  private void createOrganisation(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    var org =
        services
            .directory()
            .createOrganisation(
                rc, Json.text(body, "name"), OrgKind.fromCode(Json.text(body, "kind")));
    http.status(201).json(Views.organisation(org));
  }

  private void organisations(Context http, RequestContext rc) {
    http.json(services.directory().organisations(rc).stream().map(Views::organisation).toList());
  }

  private void createUser(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    Set<String> roles = new HashSet<>();
    JsonNode r = body.get("roles");
    if (r != null && !r.isNull()) {
      if (!r.isArray()) {
        throw new CordonException.InvalidInput("'roles' must be an array of strings");
      }
      r.forEach(n -> roles.add(n.asText()));
    }
    Optional<char[]> password = Json.optionalText(body, "password").map(String::toCharArray);
    var user =
        services
            .directory()
            .createUser(
                rc,
                Json.text(body, "username"),
                Json.optionalText(body, "email").orElse(""),
                Json.text(body, "org"),
                roles,
                password,
                Json.optionalText(body, "displayName"));
    Map<String, Object> view = Views.user(user);
    if (password.isEmpty() && !user.email().isEmpty()) {
      // Without a password, the account is set up through a single-use link sent by e-mail.
      services.invitations().invite(rc, user.id());
      view.put("invited", true);
    }
    http.status(201).json(view);
  }

  private void setEnabled(Context http, RequestContext rc, boolean enabled) {
    UserId id;
    try {
      id = new UserId(http.pathParam("id"));
    } catch (CordonException.InvalidInput e) {
      throw new CordonException.NotFound("no such user");
    }
    http.json(Views.user(services.directory().setEnabled(rc, id, enabled)));
  }

  private void users(Context http, RequestContext rc) {
    http.json(services.directory().users(rc).stream().map(Views::user).toList());
  }

  private void createWorkspace(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    var ws =
        services
            .workspaces()
            .create(
                rc,
                Json.text(body, "name"),
                Json.optionalText(body, "classification").map(Classification::fromCode),
                Json.optionalText(body, "region"),
                Json.optionalText(body, "retention").map(RetentionPeriod::parse));
    http.status(201).json(Views.workspace(ws));
  }

  private void workspaces(Context http, RequestContext rc) {
    http.json(services.workspaces().list(rc).stream().map(Views::workspace).toList());
  }

  private void addMember(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    var m =
        services
            .workspaces()
            .addMember(
                rc,
                workspaceId(http),
                Json.text(body, "user"),
                WorkspaceRole.fromCode(Json.text(body, "role")));
    http.status(201).json(Views.membership(m));
  }

  private void members(Context http, RequestContext rc) {
    http.json(
        services.workspaces().members(rc, workspaceId(http)).stream()
            .map(Views::membership)
            .toList());
  }

  private void upload(Context http, RequestContext rc) throws Exception {
    String name = http.queryParam("name");
    if (name == null) {
      throw new CordonException.InvalidInput("the file name is required: ?name=NAME");
    }
    FileVersion v;
    try (InputStream body = http.req().getInputStream()) {
      try {
        String declared = http.queryParam("classification");
        v =
            services
                .content()
                .uploadDeclared(
                    rc,
                    workspaceId(http),
                    name,
                    body,
                    Optional.ofNullable(declared).map(Classification::fromCode));
      } catch (CordonException e) {
        LeftoverBody.discard(body); // so that a client still sending gets the answer below
        throw e;
      }
    }
    http.status(201).json(Views.uploaded(v, io.cordon.content.FileNames.check(name, "file")));
  }

  private void files(Context http, RequestContext rc) {
    http.json(services.content().list(rc, workspaceId(http)).stream().map(Views::listing).toList());
  }

  private void file(Context http, RequestContext rc) {
    // One read, one audit event: the metadata with every version's signatures.
    FileSignatures described = services.signatures().describe(rc, fileId(http));
    Map<String, Object> details = Views.details(described.details());
    InspectionRoutes.addTo(details, described);
    SignatureRoutes.addTo(details, described);
    http.json(details);
  }

  private void content(Context http, RequestContext rc) throws Exception {
    OptionalInt version = intParam(http, "version");
    String stamp = http.queryParam("stamp");
    if (stamp != null) {
      signatures.stamped(http, rc, stamp, version);
      return;
    }
    // Members download the ordinary way; recipients of a live share through it.
    Download d = services.shareAccess().download(rc, fileId(http), version);
    FileVersion v = d.version();
    http.status(200);
    http.contentType("application/octet-stream");
    http.header("Content-Length", Long.toString(v.size()));
    http.header(
        "Content-Disposition",
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode(d.file().name(), StandardCharsets.UTF_8).replace("+", "%20"));
    http.header(
        "Repr-Digest",
        "sha-256=:"
            + java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(v.sha256()))
            + ":");
    http.header("X-Cordon-Version", Integer.toString(v.number()));
    OutputStream out = http.res().getOutputStream();
    d.writeTo(out);
  }

  private void checkpoint(Context http, RequestContext rc) {
    http.contentType("text/plain; charset=utf-8");
    http.result(services.audit().checkpoint(rc).note());
  }

  private void checkpointKey(Context http, RequestContext rc) {
    http.contentType("text/plain; charset=utf-8");
    http.result(services.audit().checkpointKey(rc) + "\n");
  }

  private void inclusionProof(Context http, RequestContext rc) {
    long seq = requiredLong(http, "seq");
    long treeSize = requiredLong(http, "treeSize");
    InclusionProof proof = services.audit().inclusionProof(rc, seq, treeSize);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("seq", seq);
    body.put("treeSize", proof.treeSize());
    body.put("hashes", hex(proof.hashes()));
    http.json(body);
  }

  private void consistencyProof(Context http, RequestContext rc) {
    long from = requiredLong(http, "from");
    long to = requiredLong(http, "to");
    ConsistencyProof proof = services.audit().consistencyProof(rc, from, to);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", proof.fromSize());
    body.put("to", proof.toSize());
    body.put("hashes", hex(proof.hashes()));
    http.json(body);
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(h -> HexFormat.of().formatHex(h)).toList();
  }

  private static long requiredLong(Context http, String name) {
    return longParam(http, name)
        .orElseThrow(() -> new CordonException.InvalidInput("'" + name + "' is required"));
  }

  private static OptionalInt intParam(Context http, String name) {
    var v = longParam(http, name);
    if (v.isPresent() && (v.getAsLong() < 1 || v.getAsLong() > Integer.MAX_VALUE)) {
      throw new CordonException.InvalidInput("'" + name + "' is out of range");
    }
    return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
  }

  private static java.util.OptionalLong longParam(Context http, String name) {
    String raw = http.queryParam(name);
    if (raw == null) {
      return java.util.OptionalLong.empty();
    }
    try {
      return java.util.OptionalLong.of(Long.parseLong(raw));
    } catch (NumberFormatException e) {
      throw new CordonException.InvalidInput("'" + name + "' must be a whole number");
    }
  }
}
