package io.cordon.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One audit event, shaped exactly as API.md's event format. Fields that do not apply are empty and
 * omitted from JSON, never invented. {@code seq} is 0 until the log assigns it.
 *
 * <p>Regulatory basis: 21 CFR 11.10(e) (secure, computer-generated, time-stamped audit trails), EU
 * GMP Annex 11 §9, HIPAA 45 CFR 164.312(b).
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record AuditEvent(
    long seq,
    Instant time,
    Actor actor,
    String action,
    Optional<AuditObject> object,
    Outcome outcome,
    Optional<String> reason,
    EventContext context,
    Map<String, Object> details) {

  public AuditEvent {
    if (time == null || actor == null || action == null || outcome == null || context == null) {
      throw new IllegalArgumentException("event needs time, actor, action, outcome and context");
    }
    if (!action.matches("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("action must be noun.verb: " + action);
    }
    object = object == null ? Optional.empty() : object;
    reason = reason == null ? Optional.empty() : reason;
    details =
        details == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public AuditEvent withSeq(long assigned) {
    return new AuditEvent(assigned, time, actor, action, object, outcome, reason, context, details);
  }

  /** Who acted. For an anonymous request (a failed login) only the claimed username is set. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public record Actor(
      Optional<String> user,
      Optional<String> username,
      Optional<String> org,
      Optional<String> orgKind,
      List<String> roles,
      Optional<String> session,
      Optional<String> auth) {
    public Actor {
      user = user == null ? Optional.empty() : user;
      username = username == null ? Optional.empty() : username;
      org = org == null ? Optional.empty() : org;
      orgKind = orgKind == null ? Optional.empty() : orgKind;
      roles = roles == null ? List.of() : List.copyOf(roles);
      session = session == null ? Optional.empty() : session;
      auth = auth == null ? Optional.empty() : auth;
    }
  }

  /** What was acted on, with a snapshot of its name at the time. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public record AuditObject(
      String type,
      String id,
      Optional<String> name,
      Optional<String> workspace,
      Optional<String> classification,
      List<String> dataTypes) {
    public AuditObject {
      if (type == null || id == null) {
        throw new IllegalArgumentException("object needs type and id");
      }
      name = name == null ? Optional.empty() : name;
      workspace = workspace == null ? Optional.empty() : workspace;
      classification = classification == null ? Optional.empty() : classification;
      dataTypes = dataTypes == null ? List.of() : List.copyOf(dataTypes);
    }

    public static AuditObject of(String type, String id, String name) {
      return new AuditObject(
          type, id, Optional.ofNullable(name), Optional.empty(), Optional.empty(), List.of());
    }
  }

  /** Where and how the request came in. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public record EventContext(
      String channel,
      Optional<String> ip,
      Optional<String> zone,
      Optional<Geo> geo,
      Optional<String> device,
      Optional<String> userAgent) {
    public EventContext {
      if (channel == null) {
        throw new IllegalArgumentException("context needs a channel");
      }
      ip = ip == null ? Optional.empty() : ip;
      zone = zone == null ? Optional.empty() : zone;
      geo = geo == null ? Optional.empty() : geo;
      device = device == null ? Optional.empty() : device;
      userAgent = userAgent == null ? Optional.empty() : userAgent;
    }
  }

  /** Location of the client address, when a geolocation database is configured. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public record Geo(
      Optional<String> country,
      Optional<String> city,
      Optional<Double> lat,
      Optional<Double> lon) {}

  /** The result of the attempted action. */
  public enum Outcome {
    SUCCESS("success"),
    DENIED("denied"),
    ERROR("error");

    private final String code;

    Outcome(String code) {
      this.code = code;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
      return code;
    }

    public static Outcome fromCode(String code) {
      for (Outcome o : values()) {
        if (o.code.equals(code)) {
          return o;
        }
      }
      throw new IllegalArgumentException("unknown outcome " + code);
    }
  }
}
