package io.cordon.server.web;

import static io.cordon.server.web.PathIds.fileId;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.audit.AuditEventCodec;
import io.cordon.audit.signature.FileSignatures;
import io.cordon.content.Classification;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.identity.Baa;
import io.cordon.identity.OrgId;
import io.cordon.inspect.LabelService;
import io.cordon.inspect.Verdict;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inspection part of the API: a file's label changed by people ({@code POST
 * /api/v1/files/{id}/classification}), an organisation's Business Associate Agreement ({@code
 * GET|PUT /api/v1/organisations/{id}/baa}), and the inspection summary in a file's metadata. Thin:
 * translates HTTP to {@link LabelService} and {@code DirectoryService} calls and back.
 */
final class InspectionRoutes {
  private static final String V1 = "/api/v1";

  private final Services services;

  InspectionRoutes(Services services) {
    this.services = services;
  }

  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.POST,
            V1 + "/files/{id}/classification",
            Access.AUTHENTICATED,
            this::classify),
        new Route(HandlerType.GET, V1 + "/organisations/{id}/baa", Access.AUTHENTICATED, this::baa),
        new Route(
            HandlerType.PUT, V1 + "/organisations/{id}/baa", Access.AUTHENTICATED, this::setBaa));
  }

  private void classify(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    Classification to = Classification.fromCode(Json.text(body, "classification"));
    LabelService.Relabelled r =
        services.labels().change(rc, fileId(http), to, Json.optionalText(body, "justification"));
    http.json(
        Views.map(
            "id",
            r.file().value(),
            "version",
            r.version(),
            "classificationBefore",
            r.from().code(),
            "classification",
            r.to().code()));
  }

  private void baa(Context http, RequestContext rc) {
    OrgId org = orgId(http);
    http.json(view(org, services.directory().baa(rc, org)));
  }

  private void setBaa(Context http, RequestContext rc) {
    JsonNode body = Json.body(http);
    JsonNode signed = body.get("baa");
    if (signed == null || !signed.isBoolean()) {
      throw new CordonException.InvalidInput("'baa' is required and must be true or false");
    }
    Optional<Instant> effective =
        Json.optionalText(body, "effective")
            .map(
                t -> {
                  try {
                    return Instant.parse(t);
                  } catch (DateTimeParseException e) {
                    throw new CordonException.InvalidInput(
                        "'effective' must be an RFC 3339 UTC time such as 2026-11-01T00:00:00Z");
                  }
                });
    if (!signed.asBoolean() && effective.isPresent()) {
      throw new CordonException.InvalidInput("'effective' applies only to a signed BAA");
    }
    OrgId org = orgId(http);
    http.json(
        view(org, services.directory().setBaa(rc, org, new Baa(signed.asBoolean(), effective))));
  }

  private static Map<String, Object> view(OrgId org, Baa baa) {
    Map<String, Object> m = Views.map("organisation", org.value(), "baa", baa.signed());
    baa.effective().ifPresent(e -> m.put("effective", AuditEventCodec.formatTime(e)));
    return m;
  }

  private static OrgId orgId(Context http) {
    try {
      return new OrgId(http.pathParam("id"));
    } catch (RuntimeException e) {
      throw new CordonException.NotFound("no such organisation");
    }
  }

  /**
   * Adds the inspection summary to a file's metadata: the newest version's {@code inspection}
   * state, and per version the state, media type, reason and {@code findings} (counts per type).
   * Counts only, for everyone who may read the metadata: no value or sample is ever stored, so none
   * can be shown (docs/inspection.md, "What a file's metadata shows").
   */
  static void addTo(Map<String, Object> details, FileSignatures described) {
    int latest = described.versions().getLast().number();
    described
        .inspection(latest)
        .ifPresent(
            v -> {
              details.put("inspection", v.state().code());
              details.put("findings", v.counts());
            });
    if (details.get("versions") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> raw && raw.get("version") instanceof Integer n) {
          @SuppressWarnings("unchecked")
          Map<String, Object> version = (Map<String, Object>) raw;
          described.inspection(n).ifPresent(v -> version.put("inspection", summary(v)));
        }
      }
    }
  }

  private static Map<String, Object> summary(Verdict v) {
    Map<String, Object> m = Views.map("state", v.state().code(), "findings", v.counts());
    v.mediaType().ifPresent(t -> m.put("mediaType", t));
    v.detail().ifPresent(d -> m.put("detail", d));
    v.malware().ifPresent(s -> m.put("malware", s));
    m.put("quarantined", v.isQuarantined());
    return m;
  }
}
