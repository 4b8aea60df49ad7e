package io.cordon.bench.cedar;

import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import io.cordon.content.WorkspaceRole;
import io.cordon.context.AuthMethod;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.policy.AccessRequest;
import io.cordon.policy.Resource;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cordon's access requests as Cedar requests: the subject becomes a {@code User} entity, the
 * resource an entity of its type ({@code file} → {@code File}), the action {@code Action::"code"},
 * and what depends on the moment or the workspace (workspace role, second-factor age, zone,
 * country, time, risk) goes into the context. The attribute values are those Cordon's engine reads
 * (its {@code Facts}); optional ones are left out when Cordon has none. The risk score is in
 * millionths, as Cordon compares it, since Cedar has no floating point.
 */
final class CedarQuestions {
  static {
    CedarLibrary.load(); // before the Cedar classes below initialise
  }

  private static final EntityTypeName USER = EntityTypeName.parse("User").orElseThrow();
  private static final EntityTypeName ACTION = EntityTypeName.parse("Action").orElseThrow();

  /** One Cedar question: the request and the entities it speaks of. */
  record Question(AuthorizationRequest request, Set<Entity> entities) {}

  private CedarQuestions() {}

  /** {@code shared-file} → {@code SharedFile}: Cordon's resource types as Cedar entity types. */
  static String typeName(String cordonType) {
    StringBuilder b = new StringBuilder();
    for (String part : cordonType.split("-")) {
      if (!part.isEmpty()) {
        b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return b.toString();
  }

  static Question of(AccessRequest request, Optional<WorkspaceRole> role, Instant now) {
    RequestContext ctx = request.context();
    Map<String, Value> user = new HashMap<>();
    Optional<Subject> subject = ctx.subject();
    user.put("authenticated", new PrimBool(subject.isPresent()));
    AuthMethod auth = ctx.auth();
    user.put("auth", new PrimString(auth.code()));
    user.put("mfa", new PrimBool(auth.isMultiFactor() || ctx.secondFactorAt().isPresent()));
    user.put("phishingResistant", new PrimBool(auth == AuthMethod.WEBAUTHN));
    String userId = "anonymous";
    if (subject.isPresent()) {
      Subject s = subject.get();
      userId = s.user().value();
      user.put("org", new PrimString(s.org().value()));
      user.put("orgKind", new PrimString(s.orgKind().code()));
      user.put("roles", strings(List.copyOf(s.roles())));
      user.put("agreements", strings(List.copyOf(s.agreements())));
    }
    EntityUID principal = USER.of(userId);

    Resource r = request.resource();
    Map<String, Value> res = new HashMap<>();
    res.put("type", new PrimString(r.type()));
    r.workspace().ifPresent(w -> res.put("workspace", new PrimString(w.value())));
    res.put("classification", new PrimString(r.classification().code()));
    res.put("classificationLevel", new PrimLong(r.classification().ordinal()));
    // Cordon matches data types in any case; Cedar compares exactly, so they are upper-cased here.
    res.put(
        "dataTypes", strings(r.dataTypes().stream().map(d -> d.toUpperCase(Locale.ROOT)).toList()));
    res.put("legalHold", new PrimBool(r.legalHold()));
    r.region().ifPresent(g -> res.put("region", new PrimString(g)));
    r.inspection().ifPresent(i -> res.put("inspection", new PrimString(i)));
    r.recipientAgreements().ifPresent(a -> res.put("recipientAgreements", strings(List.copyOf(a))));
    EntityUID resource = EntityTypeName.parse(typeName(r.type())).orElseThrow().of(r.id());

    Map<String, Value> context = new HashMap<>();
    if (subject.isPresent()) {
      role.ifPresent(w -> context.put("workspaceRole", new PrimString(w.code())));
    }
    ctx.secondFactorAt()
        .ifPresent(
            at ->
                context.put(
                    "mfaAgeSeconds",
                    new PrimLong(Math.max(0, now.getEpochSecond() - at.getEpochSecond()))));
    context.put("channel", new PrimString(ctx.channel().code()));
    ctx.zone().ifPresent(z -> context.put("zone", new PrimString(z)));
    ctx.country().ifPresent(c -> context.put("country", new PrimString(c)));
    context.put("deviceTrusted", new PrimBool(ctx.deviceTrusted()));
    LocalDateTime local = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    context.put("minuteOfDay", new PrimLong(local.getHour() * 60L + local.getMinute()));
    context.put("weekday", new PrimString(weekday(local.getDayOfWeek())));
    context.put("riskScoreMicros", new PrimLong(Math.round(ctx.riskScore() * 1_000_000)));

    AuthorizationRequest q =
        new AuthorizationRequest(principal, ACTION.of(request.action().code()), resource, context);
    return new Question(
        q, Set.of(new Entity(principal, user, Set.of()), new Entity(resource, res, Set.of())));
  }

  private static String weekday(DayOfWeek d) {
    return d.name().substring(0, 3).toLowerCase(Locale.ROOT);
  }

  private static CedarList strings(List<String> values) {
    List<Value> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(new PrimString(v)));
    return new CedarList(out);
  }
}
