package io.cordon.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.content.Classification;
import io.cordon.content.WorkspaceId;
import io.cordon.content.WorkspaceRole;
import io.cordon.context.AuthMethod;
import io.cordon.context.Channel;
import io.cordon.context.CordonException;
import io.cordon.context.GeoLocation;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.identity.OrgId;
import io.cordon.identity.OrgKind;
import io.cordon.identity.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A hypothetical access request written as JSON or YAML ({@code {subject, action, resource,
 * context, time?}}, API.md {@code POST /api/v1/policy/explain} and {@code cordon policy test}
 * cases): nothing is looked up, the question states the subject's workspace role and how long ago
 * its second factor was proven. Unknown fields and bad values are {@link
 * CordonException.InvalidInput}.
 *
 * @param at the instant to decide at, if the question fixes one (time-of-day rules)
 */
public record PolicyQuestion(
    AccessRequest request, Optional<WorkspaceRole> workspaceRole, Optional<Instant> at) {

  private static final Set<String> TOP = Set.of("subject", "action", "resource", "context", "time");
  private static final Set<String> SUBJECT =
      Set.of(
          "user",
          "username",
          "org",
          "orgKind",
          "roles",
          "workspaceRole",
          "auth",
          "mfaAge",
          "agreements");
  private static final Set<String> RESOURCE =
      Set.of(
          "type",
          "id",
          "workspace",
          "classification",
          "dataTypes",
          "legalHold",
          "region",
          "inspection",
          "recipientAgreements");
  private static final Set<String> CONTEXT =
      Set.of("channel", "ip", "zone", "country", "device", "deviceTrusted", "riskScore");

  public static PolicyQuestion parse(JsonNode q, Instant now) {
    object(q, "the question", TOP);
    Optional<Instant> at = optional(q, "time").map(PolicyQuestion::instant);
    Instant when = at.orElse(now);
    JsonNode c = q.path("context");
    if (!c.isMissingNode()) {
      object(c, "context", CONTEXT);
    }
    RequestContext ctx =
        RequestContext.anonymous(
                channel(optional(c, "channel").orElse("api")),
                optional(c, "ip").orElse("192.0.2.1"),
                Optional.empty(),
                "explain")
            .withNetwork(optional(c, "zone"), optional(c, "country").map(GeoLocation::ofCountry))
            .withDevice(optional(c, "device"), c.path("deviceTrusted").asBoolean(false))
            .withRiskScore(risk(c.path("riskScore")));
    Optional<WorkspaceRole> role = Optional.empty();
    JsonNode s = q.path("subject");
    if (!s.isMissingNode() && !s.isNull()) {
      object(s, "subject", SUBJECT);
      Subject subject =
          new Subject(
              optional(s, "user").map(UserId::new).orElseGet(UserId::random),
              optional(s, "username").orElse("someone"),
              optional(s, "org").map(OrgId::new).orElseGet(OrgId::random),
              OrgKind.fromCode(optional(s, "orgKind").orElse("home")),
              Set.copyOf(texts(s, "roles")),
              Set.copyOf(texts(s, "agreements")));
      AuthMethod auth = auth(optional(s, "auth").orElse("password"));
      ctx = ctx.authenticated(subject, "s_explain", auth);
      Optional<Duration> mfaAge = optional(s, "mfaAge").map(PolicyQuestion::duration);
      ctx = ctx.withSecondFactorAt(mfaAge.map(when::minus));
      role = optional(s, "workspaceRole").map(WorkspaceRole::fromCode);
    }
    JsonNode r = q.path("resource");
    object(r, "resource", RESOURCE);
    Resource resource =
        new Resource(
                optional(r, "type").orElseThrow(() -> bad("resource.type is required")),
                optional(r, "id").orElse("x"),
                optional(r, "workspace").map(WorkspaceId::new),
                Classification.fromCode(optional(r, "classification").orElse("internal")),
                texts(r, "dataTypes"))
            .withHoldAndRegion(r.path("legalHold").asBoolean(false), optional(r, "region"));
    Optional<String> inspection = optional(r, "inspection");
    if (inspection.isPresent()) {
      resource = resource.withInspection(inspection.get());
    }
    if (r.has("recipientAgreements")) {
      resource = resource.withRecipientAgreements(Set.copyOf(texts(r, "recipientAgreements")));
    }
    Action action = action(optional(q, "action").orElseThrow(() -> bad("action is required")));
    return new PolicyQuestion(new AccessRequest(ctx, action, resource), role, at);
  }

  private static void object(JsonNode n, String what, Set<String> fields) {
    if (!n.isObject()) {
      throw bad(what + " must be an object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!fields.contains(f)) {
        throw bad("unknown field '" + f + "' in " + what + " (fields: " + fields + ")");
      }
    }
  }

  private static Optional<String> optional(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isValueNode()) {
      throw bad("'" + field + "' must be a single value");
    }
    return Optional.of(v.asText());
  }

  private static List<String> texts(JsonNode n, String field) {
    JsonNode v = n.path(field);
    List<String> out = new ArrayList<>();
    if (v.isMissingNode() || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw bad("'" + field + "' must be a list");
    }
    v.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static Action action(String code) {
    for (Action a : Action.values()) {
      if (a.code().equals(code)) {
        return a;
      }
    }
    throw bad("unknown action '" + code + "'");
  }

  private static AuthMethod auth(String code) {
    for (AuthMethod a : AuthMethod.values()) {
      if (a.code().equals(code)) {
        return a;
      }
    }
    throw bad("unknown auth method '" + code + "'");
  }

  private static Channel channel(String code) {
    for (Channel c : Channel.values()) {
      if (c.code().equals(code)) {
        return c;
      }
    }
    throw bad("unknown channel '" + code + "'");
  }

  private static double risk(JsonNode v) {
    if (v.isMissingNode() || v.isNull()) {
      return 0;
    }
    if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
      throw bad("context.riskScore must be a number from 0 to 1");
    }
    return v.asDouble();
  }

  private static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> throw bad("subject.mfaAge must be like 90s, 15m, 12h or 7d");
      };
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw bad("subject.mfaAge must be like 90s, 15m, 12h or 7d");
    }
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw bad("time must be an ISO-8601 instant such as 2026-11-23T10:00:00Z");
    }
  }

  private static CordonException.InvalidInput bad(String message) {
    return new CordonException.InvalidInput(message);
  }
}
