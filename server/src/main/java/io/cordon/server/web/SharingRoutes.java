package io.cordon.server.web;

import static io.cordon.server.web.PathIds.fileId;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.content.FileVersion;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.sharing.Share;
import io.cordon.sharing.ShareAccess;
import io.cordon.sharing.ShareDetails;
import io.cordon.sharing.ShareId;
import io.cordon.sharing.ShareRequest;
import io.cordon.sharing.SharingService;
import io.cordon.sharing.UploadRequestId;
import io.cordon.sharing.UploadRequestService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Sharing over HTTP: create, list and revoke shares, the watermarked view, and accepting an
 * invitation (public: the single-use token is the credential, like a password at login). Thin: JSON
 * becomes a {@link ShareRequest}; the services decide, perform and audit. Unknown fields in a share
 * request are refused rather than ignored, so a misspelt limit never silently drops.
 */
final class SharingRoutes {
  private static final String V1 = "/api/v1";
  private static final Set<String> SHARE_FIELDS =
      Set.of(
          "recipients",
          "expiresAt",
          "maxDownloads",
          "viewOnly",
          "requireMfa",
          "notifyOnFirstAccess");

  private final Services services;

  SharingRoutes(Services services) {
    this.services = services;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.POST, V1 + "/files/{id}/shares", Access.AUTHENTICATED, this::share),
        new Route(HandlerType.GET, V1 + "/files/{id}/shares", Access.AUTHENTICATED, this::ofFile),
        new Route(HandlerType.GET, V1 + "/shares", Access.AUTHENTICATED, this::mine),
        new Route(HandlerType.DELETE, V1 + "/shares/{id}", Access.AUTHENTICATED, this::revoke),
        new Route(HandlerType.GET, V1 + "/files/{id}/view", Access.AUTHENTICATED, this::view),
        new Route(
            HandlerType.POST, V1 + "/invitations/accept", Access.PUBLIC, this::acceptInvitation),
        new Route(
            HandlerType.POST,
            V1 + "/workspaces/{id}/upload-requests",
            Access.AUTHENTICATED,
            this::requestUpload),
        new Route(
            HandlerType.POST,
            V1 + "/upload-requests/{id}/files",
            Access.AUTHENTICATED,
            this::uploadOnRequest),
        new Route(
            HandlerType.DELETE,
            V1 + "/upload-requests/{id}",
            Access.AUTHENTICATED,
            this::closeUploadRequest));
  }

  private SharingService sharing() {
    return services.sharing();
  }

  private void share(Context http, RequestContext rc) {
    ShareDetails made = sharing().share(rc, fileId(http), request(Json.body(http)));
    http.status(201).json(view(made));
  }

  private void ofFile(Context http, RequestContext rc) {
    http.json(sharing().ofFile(rc, fileId(http)).stream().map(SharingRoutes::view).toList());
  }

  private void mine(Context http, RequestContext rc) {
    SharingService.Mine mine = sharing().mine(rc);
    http.json(
        Map.of(
            "created", mine.created().stream().map(SharingRoutes::view).toList(),
            "received", mine.received().stream().map(SharingRoutes::view).toList()));
  }

  private void revoke(Context http, RequestContext rc) {
    http.json(view(sharing().revoke(rc, new ShareId(http.pathParam("id")))));
  }

  private void view(Context http, RequestContext rc) {
    OptionalInt page = OptionalInt.empty();
    String raw = http.queryParam("page");
    if (raw != null) {
      try {
        int n = Integer.parseInt(raw);
        if (n < 1) {
          throw new NumberFormatException();
        }
        page = OptionalInt.of(n);
      } catch (NumberFormatException e) {
        throw new CordonException.InvalidInput("'page' must be a whole number from 1");
      }
    }
    ShareAccess.View v = services.shareAccess().view(rc, fileId(http), page);
    http.status(200);
    http.contentType("application/pdf");
    http.header(
        "Content-Disposition",
        "inline; filename*=UTF-8''"
            + URLEncoder.encode(v.fileName() + ".view.pdf", StandardCharsets.UTF_8)
                .replace("+", "%20"));
    http.header("X-Cordon-Version", Integer.toString(v.version()));
    http.header("Cache-Control", "no-store");
    http.result(v.pdf());
  }

  private void acceptInvitation(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    char[] password = Json.text(body, "password").toCharArray();
    try {
      String username = services.invitations().accept(rc, Json.text(body, "token"), password);
      http.json(Map.of("username", username));
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
  }

  private void requestUpload(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    JsonNode r = body.get("recipients");
    if (r == null || !r.isArray()) {
      throw new CordonException.InvalidInput("'recipients' must be an array of strings");
    }
    List<String> recipients = new ArrayList<>();
    r.forEach(n -> recipients.add(n.isTextual() ? n.asText() : ""));
    UploadRequestService.Details d =
        services
            .uploadRequests()
            .request(
                rc,
                PathIds.workspaceId(http),
                recipients,
                Json.optionalText(body, "message"),
                time(Json.text(body, "dueAt"), "dueAt"));
    http.status(201)
        .json(
            Views.map(
                "id", d.request().id().value(),
                "workspace", d.request().workspace().value(),
                "dueAt", d.request().due().toString(),
                "message", d.request().message(),
                "recipients", d.recipients()));
  }

  private void uploadOnRequest(Context http, RequestContext rc) throws Exception {
    String name = http.queryParam("name");
    if (name == null) {
      throw new CordonException.InvalidInput("the file name is required: ?name=NAME");
    }
    UploadRequestId id = new UploadRequestId(http.pathParam("id"));
    FileVersion v;
    try (InputStream body = http.req().getInputStream()) {
      try {
        v = services.uploadRequests().upload(rc, id, name, body);
      } catch (CordonException e) {
        LeftoverBody.discard(body); // so that a client still sending gets the answer
        throw e;
      }
    }
    http.status(201).json(Views.uploaded(v, io.cordon.content.FileNames.check(name, "file")));
  }

  private void closeUploadRequest(Context http, RequestContext rc) {
    services.uploadRequests().close(rc, new UploadRequestId(http.pathParam("id")));
    http.status(204);
  }

  private static Instant time(String raw, String field) {
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw new CordonException.InvalidInput(
          "'" + field + "' must be an RFC 3339 UTC time such as 2026-12-01T00:00:00Z");
    }
  }

  static ShareRequest request(JsonNode body) {
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!SHARE_FIELDS.contains(f)) {
                throw new CordonException.InvalidInput(
                    "unknown field '"
                        + (f.length() > 40 ? f.substring(0, 40) : f)
                        + "'; known: "
                        + String.join(", ", SHARE_FIELDS.stream().sorted().toList()));
              }
            });
    JsonNode r = body.get("recipients");
    if (r == null || !r.isArray()) {
      throw new CordonException.InvalidInput("'recipients' must be an array of strings");
    }
    List<String> recipients = new ArrayList<>();
    for (JsonNode n : r) {
      if (!n.isTextual()) {
        throw new CordonException.InvalidInput("'recipients' must be an array of strings");
      }
      recipients.add(n.asText());
    }
    Optional<Instant> expires =
        Json.optionalText(body, "expiresAt")
            .map(
                t -> {
                  try {
                    return Instant.parse(t);
                  } catch (DateTimeParseException e) {
                    throw new CordonException.InvalidInput(
                        "'expiresAt' must be an RFC 3339 UTC time such as 2026-12-01T00:00:00Z");
                  }
                });
    OptionalInt max = OptionalInt.empty();
    JsonNode m = body.get("maxDownloads");
    if (m != null && !m.isNull()) {
      if (!m.isInt() || m.asInt() < 1) {
        throw new CordonException.InvalidInput("'maxDownloads' must be a whole number from 1");
      }
      max = OptionalInt.of(m.asInt());
    }
    return new ShareRequest(
        recipients,
        expires,
        max,
        flag(body, "viewOnly"),
        flag(body, "requireMfa"),
        flag(body, "notifyOnFirstAccess"));
  }

  private static boolean flag(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new CordonException.InvalidInput("'" + field + "' must be true or false");
    }
    return v.asBoolean();
  }

  static Map<String, Object> view(ShareDetails d) {
    Share s = d.share();
    Map<String, Object> m =
        Views.map(
            "id", s.id().value(),
            "file", s.file().value(),
            "fileName", d.fileName(),
            "workspace", s.workspace().value(),
            "createdBy", s.createdBy().value(),
            "created", s.created().toString(),
            "viewOnly", s.viewOnly(),
            "requireMfa", s.requireMfa(),
            "notifyOnFirstAccess", s.notifyOnFirstAccess(),
            "revoked", s.isRevoked());
    s.expires().ifPresent(e -> m.put("expiresAt", e.toString()));
    s.maxDownloads().ifPresent(x -> m.put("maxDownloads", x));
    s.revoked().ifPresent(x -> m.put("revokedAt", x.toString()));
    m.put(
        "recipients",
        d.recipients().stream()
            .map(
                r -> {
                  Map<String, Object> rm =
                      Views.map(
                          "user", r.use().user().value(),
                          "username", r.username(),
                          "downloads", r.use().downloads());
                  r.use().firstAccess().ifPresent(f -> rm.put("firstAccess", f.toString()));
                  return rm;
                })
            .toList());
    return m;
  }
}
