package io.cordon.server.web;

import static io.cordon.server.web.PathIds.fileId;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.audit.AuditEventCodec;
import io.cordon.audit.signature.FileSignatures;
import io.cordon.audit.signature.Manifest;
import io.cordon.audit.signature.SignatureCheck;
import io.cordon.audit.signature.SignatureRecord;
import io.cordon.audit.signature.SignatureRequest;
import io.cordon.audit.signature.StampedRenditions;
import io.cordon.audit.signature.VerifiedSignature;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The e-signature part of the API: signing a version, a recipient's receipt, the signatures of a
 * file, and (from {@link ApiRoutes}' content route) the PDF stamped with its signatures. Thin: it
 * translates HTTP to {@code SignatureService} calls and back.
 */
final class SignatureRoutes {
  private static final String V1 = "/api/v1";

  private final Services services;

  SignatureRoutes(Services services) {
    this.services = services;
  }

  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.POST, V1 + "/files/{id}/signatures", Access.AUTHENTICATED, this::sign),
        new Route(HandlerType.GET, V1 + "/files/{id}/signatures", Access.AUTHENTICATED, this::list),
        new Route(
            HandlerType.POST, V1 + "/files/{id}/receipts", Access.AUTHENTICATED, this::receipt),
        new Route(HandlerType.GET, V1 + "/signatures/keys", Access.AUTHENTICATED, this::keys));
  }

  private void keys(Context http, RequestContext rc) {
    List<Map<String, Object>> keys =
        services.signatures().publishedKeys(rc).stream()
            .map(
                k -> {
                  Map<String, Object> view = new java.util.LinkedHashMap<>();
                  view.put("id", k.id());
                  view.put("algorithm", "Ed25519");
                  view.put("publicKey", Base64.getEncoder().encodeToString(k.publicKey()));
                  view.put("status", k.isCurrent() ? "current" : "retired");
                  k.retiredAt().ifPresent(t -> view.put("retiredAt", t));
                  return view;
                })
            .toList();
    http.json(Map.of("keys", keys));
  }

  private void sign(Context http, RequestContext rc) {
    SignatureRequest request = request(Json.body(http), false);
    try {
      SignatureRecord made = services.signatures().sign(rc, fileId(http), request);
      http.status(201).json(view(new VerifiedSignature(made, new SignatureCheck.Valid())));
    } finally {
      request.clear();
    }
  }

  private void receipt(Context http, RequestContext rc) {
    SignatureRequest request = request(Json.body(http), true);
    try {
      SignatureRecord made = services.signatures().receipt(rc, fileId(http), request);
      http.status(201).json(view(new VerifiedSignature(made, new SignatureCheck.Valid())));
    } finally {
      request.clear();
    }
  }

  private void list(Context http, RequestContext rc) {
    FileSignatures all = services.signatures().list(rc, fileId(http));
    http.json(
        Views.map(
            "file",
            all.file().id().value(),
            "name",
            all.file().name(),
            "signatures",
            all.signatures().stream().map(SignatureRoutes::view).toList()));
  }

  /** GET …/content?stamp=signatures: the PDF of that version stamped with its signatures. */
  void stamped(Context http, RequestContext rc, String stamp, OptionalInt version) {
    if (!"signatures".equals(stamp)) {
      throw new CordonException.InvalidInput("'stamp' can only be 'signatures'");
    }
    StampedRenditions.Rendition r = services.renditions().render(rc, fileId(http), version);
    http.status(200);
    http.contentType("application/pdf");
    http.header(
        "Content-Disposition",
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode(r.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
    http.header("X-Cordon-Version", Integer.toString(r.version()));
    http.result(r.pdf());
  }

  /** Adds to each version of a file-details view the signatures and receipts on it. */
  static void addTo(Map<String, Object> details, FileSignatures signatures) {
    Object versions = details.get("versions");
    if (!(versions instanceof List<?> list)) {
      return;
    }
    for (Object o : list) {
      if (o instanceof Map<?, ?> raw && raw.get("version") instanceof Integer n) {
        @SuppressWarnings("unchecked")
        Map<String, Object> version = (Map<String, Object>) raw;
        version.put("signatures", signatures.of(n).stream().map(SignatureRoutes::view).toList());
      }
    }
  }

  private static SignatureRequest request(JsonNode body, boolean receipt) {
    JsonNode version = body.get("version");
    if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
      throw new CordonException.InvalidInput("'version' is required and must be a whole number");
    }
    return new SignatureRequest(
        version.asInt(),
        Json.text(body, "meaning"),
        Json.text(body, "password").toCharArray(),
        Json.text(body, "code"),
        SignatureRequest.zone(Json.optionalText(body, "timeZone")),
        receipt ? Optional.of(Json.text(body, "sha256")) : Optional.empty());
  }

  static Map<String, Object> view(VerifiedSignature s) {
    SignatureRecord r = s.record();
    Manifest m = r.manifest();
    Map<String, Object> view =
        Views.map(
            "id", r.id().value(),
            "kind", r.kind().code(),
            "file", r.file().value(),
            "version", r.version(),
            "versionId", r.versionId(),
            "sha256", r.sha256(),
            "signer", r.signer().value(),
            "meaning", r.meaning().code(),
            "manifest",
                Views.map(
                    "printedName", m.printedName(),
                    "signedAt", AuditEventCodec.formatTime(m.signedAt()),
                    "timeZone", m.zone().getId(),
                    "localTime", m.localTime(),
                    "meaning", m.meaning().code()),
            "auditSeq", r.auditSeq(),
            "keyId", r.keyId(),
            "seal", Base64.getEncoder().encodeToString(r.seal()),
            "valid", s.check().isValid());
    if (s.check() instanceof SignatureCheck.Invalid bad) {
      view.put("invalidReason", bad.reason());
    }
    return view;
  }
}
