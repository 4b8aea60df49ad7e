package io.cordon.server.web;

import static io.cordon.server.web.PathIds.uploadId;

import io.cordon.content.ResumableUpload;
import io.cordon.content.ResumableUploadService;
import io.cordon.content.ResumableUploadService.Checksum;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.door.SelfServiceAccess;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tus resumable upload protocol 1.0.0 (tus.io/protocols/resumable-upload) at {@code
 * /api/v1/uploads}, with the creation, checksum, termination and expiration extensions. Thin: it
 * parses tus headers and calls {@link ResumableUploadService}. Metadata keys: {@code filename} (or
 * {@code name}) and {@code workspace} (required), {@code sha256} (hex, optional: the whole file's
 * hash, checked before the version is committed).
 */
final class TusRoutes {
  static final String VERSION = "1.0.0";
  private static final String BASE = "/api/v1/uploads";
  private static final String OFFSET_TYPE = "application/offset+octet-stream";
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");
  private static final int MAX_METADATA = 4096;

  private final ResumableUploadService uploads;
  private final SelfServiceAccess access;

  TusRoutes(ResumableUploadService uploads, SelfServiceAccess access) {
    this.uploads = uploads;
    this.access = access;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.OPTIONS, BASE, Access.AUTHENTICATED, this::options),
        new Route(HandlerType.POST, BASE, Access.AUTHENTICATED, this::create),
        new Route(HandlerType.HEAD, BASE + "/{id}", Access.AUTHENTICATED, this::head),
        new Route(HandlerType.PATCH, BASE + "/{id}", Access.AUTHENTICATED, this::patch),
        new Route(HandlerType.DELETE, BASE + "/{id}", Access.AUTHENTICATED, this::delete));
  }

  private void options(Context http, RequestContext rc) {
    access.authorizeUploadCapabilities(rc);
    http.header("Tus-Resumable", VERSION);
    http.header("Tus-Version", VERSION);
    http.header("Tus-Extension", "creation,checksum,termination,expiration");
    http.header("Tus-Max-Size", Long.toString(uploads.maxUploadBytes()));
    http.header("Tus-Checksum-Algorithm", "sha1,sha256,sha512");
    http.status(204);
  }

  private void create(Context http, RequestContext rc) {
    requireVersion(http);
    if (http.header("Upload-Defer-Length") != null) {
      throw new CordonException.InvalidInput(
          "Upload-Defer-Length is not supported: send Upload-Length");
    }
    long length = decimal(http, "Upload-Length");
    Map<String, String> meta = metadata(http.header("Upload-Metadata"));
    String name =
        Optional.ofNullable(meta.get("filename"))
            .or(() -> Optional.ofNullable(meta.get("name")))
            .orElseThrow(
                () -> new CordonException.InvalidInput("Upload-Metadata needs a 'filename'"));
    String workspace =
        Optional.ofNullable(meta.get("workspace"))
            .orElseThrow(
                () -> new CordonException.InvalidInput("Upload-Metadata needs a 'workspace'"));
    ResumableUpload u =
        uploads.create(
            rc,
            PathIds.workspaceId(workspace),
            name,
            length,
            Optional.ofNullable(meta.get("sha256")));
    http.header("Location", BASE + "/" + u.id().value());
    describe(http, u);
    http.status(201);
  }

  private void head(Context http, RequestContext rc) {
    requireVersion(http);
    describe(http, uploads.status(rc, uploadId(http)));
    http.header("Cache-Control", "no-store");
    http.status(200);
  }

  private void patch(Context http, RequestContext rc) throws Exception {
    requireVersion(http);
    String type = http.header("Content-Type");
    if (type == null || !type.trim().equalsIgnoreCase(OFFSET_TYPE)) {
      throw new CordonException.UnsupportedMedia("a PATCH body is " + OFFSET_TYPE);
    }
    long offset = decimal(http, "Upload-Offset");
    Optional<Checksum> checksum = checksum(http.header("Upload-Checksum"));
    ResumableUpload u;
    try (InputStream body = http.req().getInputStream()) {
      u = uploads.append(rc, uploadId(http), offset, body, checksum);
    }
    describe(http, u);
    http.status(204);
  }

  private void delete(Context http, RequestContext rc) {
    requireVersion(http);
    uploads.terminate(rc, uploadId(http));
    http.header("Tus-Resumable", VERSION);
    http.status(204);
  }

  private static void describe(Context http, ResumableUpload u) {
    http.header("Tus-Resumable", VERSION);
    http.header("Upload-Offset", Long.toString(u.offset()));
    http.header("Upload-Length", Long.toString(u.length()));
    http.header(
        "Upload-Expires",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(u.expiresAt().atOffset(ZoneOffset.UTC)));
    u.result()
        .ifPresent(
            r -> {
              http.header("Cordon-File", r.file().value());
              http.header("Cordon-File-Version", Integer.toString(r.version()));
              http.header("Cordon-File-Sha256", r.sha256());
            });
  }

  /** Tus answers a request of another protocol version with 412 and the versions it speaks. */
  private static void requireVersion(Context http) {
    http.header("Tus-Resumable", VERSION);
    String asked = http.header("Tus-Resumable");
    if (!VERSION.equals(asked)) {
      http.header("Tus-Version", VERSION);
      throw new CordonException.PreconditionFailed(
          asked == null
              ? "send Tus-Resumable: " + VERSION
              : "tus version " + asked + " is not supported; this server speaks " + VERSION);
    }
  }

  private static long decimal(Context http, String header) {
    String raw = http.header(header);
    if (raw == null || !DECIMAL.matcher(raw.trim()).matches()) {
      throw new CordonException.InvalidInput(header + " must be a non-negative whole number");
    }
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new CordonException.InvalidInput(header + " is out of range");
    }
  }

  /** {@code key base64,key base64,key}: keys unique, values base64 (RFC 4648) UTF-8. */
  static Map<String, String> metadata(String header) {
    Map<String, String> meta = new HashMap<>();
    if (header == null || header.isBlank()) {
      return meta;
    }
    if (header.length() > MAX_METADATA) {
      throw new CordonException.InvalidInput("Upload-Metadata is longer than " + MAX_METADATA);
    }
    for (String pair : header.split(",", -1)) {
      String[] kv = pair.trim().split(" ", -1);
      if (kv.length > 2 || kv[0].isEmpty()) {
        throw new CordonException.InvalidInput(
            "Upload-Metadata is 'key base64' pairs separated by commas");
      }
      String value;
      try {
        value =
            kv.length == 2
                ? new String(Base64.getDecoder().decode(kv[1]), StandardCharsets.UTF_8)
                : "";
      } catch (IllegalArgumentException e) {
        throw new CordonException.InvalidInput(
            "Upload-Metadata value of '" + kv[0] + "' is not base64");
      }
      if (meta.put(kv[0], value) != null) {
        throw new CordonException.InvalidInput("Upload-Metadata repeats '" + kv[0] + "'");
      }
    }
    return meta;
  }

  /** {@code Upload-Checksum: <algorithm> <base64 digest>}. */
  private static Optional<Checksum> checksum(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String[] parts = header.trim().split(" ");
    if (parts.length != 2) {
      throw new CordonException.InvalidInput("Upload-Checksum is '<algorithm> <base64 digest>'");
    }
    try {
      return Optional.of(new Checksum(parts[0], Base64.getDecoder().decode(parts[1])));
    } catch (IllegalArgumentException e) {
      throw new CordonException.InvalidInput("Upload-Checksum's digest is not base64");
    }
  }
}
