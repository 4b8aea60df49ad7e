package io.cordon.server.web;

import io.cordon.context.CordonException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates every error into {@code application/problem+json} (RFC 9457): a stable {@code type}
 * URI per kind of error and a human {@code detail}; never a stack trace.
 */
final class Problems {
  static final String TYPE_BASE = "https://cordon.dev/problems/";
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  static int status(CordonException e) {
    return switch (e) {
      case CordonException.NotFound n -> 404;
      case CordonException.Conflict c -> 409;
      case CordonException.Gone g -> 410;
      case CordonException.Deleted d -> 410;
      case CordonException.Lapsed l -> 410;
      case CordonException.LegalHold h -> 409;
      case CordonException.Denied d -> 403;
      case CordonException.StepUpRequired s -> 401;
      case CordonException.Unauthenticated u -> 401;
      case CordonException.Throttled t -> 429;
      case CordonException.InvalidInput i -> 400;
      case CordonException.TooLarge t -> 413;
      case CordonException.PreconditionFailed p -> 412;
      // 460 is the tus protocol's "Checksum Mismatch" (tus.io resumable upload 1.0, checksum).
      case CordonException.ChecksumMismatch m -> 460;
      case CordonException.UnsupportedMedia u -> 415;
      case CordonException.Unavailable u -> 503;
      case CordonException.InsufficientStorage s -> 507;
      case CordonException.IntegrityViolation i -> 500;
      default -> 500;
    };
  }

  static void write(Context ctx, CordonException e) {
    int status = status(e);
    if (e instanceof CordonException.Throttled t) {
      ctx.header("Retry-After", Long.toString(t.retryAfterSeconds()));
    }
    if (status == 401 && !(e instanceof CordonException.StepUpRequired)) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"cordon\"");
    }
    if (status >= 500) {
      LOG.warn("request {} {} failed: {}", ctx.method(), ctx.path(), e.toString());
    }
    write(ctx, status, e.type(), title(status), e.getMessage());
  }

  /** A problem for a bare HTTP status raised by the framework rather than by Cordon. */
  static void write(Context ctx, int status) {
    String type =
        switch (status) {
          case 404 -> "not-found";
          case 405 -> "method-not-allowed";
          case 413 -> "too-large";
          case 415 -> "unsupported-media-type";
          default -> status < 500 ? "bad-request" : "internal";
        };
    int sent = status >= 400 && status <= 599 ? status : 500;
    write(ctx, sent, type, title(sent), title(sent).toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * The answer to a request that needs a fresh second factor: 401 {@code …/step-up}, with the
   * factors the user may prove on this session ({@code totp}, {@code webauthn}, {@code recovery})
   * that would satisfy it, before retrying. When policy demands a phishing-resistant factor, only
   * {@code webauthn} is listed and {@code phishingResistant} is true. An empty list means no
   * suitable factor is enrolled yet.
   */
  static void writeStepUp(
      Context ctx, CordonException.StepUpRequired e, java.util.List<String> enrolled) {
    java.util.List<String> factors =
        e.phishingResistant()
            ? enrolled.stream().filter(PHISHING_RESISTANT_FACTOR::equals).toList()
            : enrolled;
    write(
        ctx,
        401,
        e.type(),
        title(401),
        e.getMessage(),
        Map.of("factors", factors, "phishingResistant", e.phishingResistant()));
  }

  private static final String PHISHING_RESISTANT_FACTOR = "webauthn";

  static void write(Context ctx, int status, String type, String title, String detail) {
    write(ctx, status, type, title, detail, Map.of());
  }

  /** As the other, with RFC 9457 extension members after the standard ones. */
  static void write(
      Context ctx,
      int status,
      String type,
      String title,
      String detail,
      Map<String, Object> extensions) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_BASE + type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail == null ? title : detail);
    body.put("instance", ctx.path());
    body.putAll(extensions);
    ctx.status(status);
    ctx.contentType("application/problem+json");
    ctx.result(Json.write(body));
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Authentication required";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 412 -> "Precondition failed";
      case 413 -> "Too large";
      case 415 -> "Unsupported media type";
      case 429 -> "Too many requests";
      case 460 -> "Checksum mismatch";
      case 503 -> "Unavailable";
      case 507 -> "Insufficient storage";
      default -> "Server error";
    };
  }
}
