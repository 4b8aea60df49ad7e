package io.cordon.policy.internal;

import io.cordon.content.Classification;
import io.cordon.content.WorkspaceRole;
import io.cordon.context.AuthMethod;
import io.cordon.context.Channel;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.identity.OrgKind;
import io.cordon.policy.AccessRequest;
import io.cordon.policy.Resource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The attribute values of one request, resolved once and read by every compiled condition. Numbers,
 * booleans, choices and closed sets (as bit masks) live in one {@code long} array, texts and open
 * sets in two object arrays, so a decision allocates three arrays and no maps. Not thread-safe; one
 * per decision.
 */
final class Facts {
  static final long ABSENT = Long.MIN_VALUE;

  // Domain index of each enum constant, by ordinal: no string comparison per decision.
  private static final int[] AUTH = indexes(Attribute.SUBJECT_AUTH, AuthMethod.values());
  private static final int[] ORG_KIND = indexes(Attribute.SUBJECT_ORG_KIND, OrgKind.values());
  private static final int[] ROLE =
      indexes(Attribute.SUBJECT_WORKSPACE_ROLE, WorkspaceRole.values());
  private static final int[] CLASSIFICATION =
      indexes(Attribute.RESOURCE_CLASSIFICATION, Classification.values());
  private static final int[] CHANNEL = indexes(Attribute.CONTEXT_CHANNEL, Channel.values());

  private static final java.util.Map<String, Integer> DATA_TYPES = dataTypeIndex();

  private final long[] numbers = new long[Attribute.count()];
  private final String[] texts = new String[Attribute.count()];
  private final Object[] sets = new Object[Attribute.count()];

  Facts(
      AccessRequest request,
      Optional<WorkspaceRole> workspaceRole,
      Instant now,
      ZoneId zone,
      boolean needsTime) {
    java.util.Arrays.fill(numbers, ABSENT);
    RequestContext ctx = request.context();
    Resource resource = request.resource();
    Optional<Subject> subject = ctx.subject();
    bool(Attribute.SUBJECT_AUTHENTICATED, subject.isPresent());
    if (subject.isPresent()) {
      Subject s = subject.get();
      texts[Attribute.SUBJECT_ORG.ordinal()] = s.org().value();
      index(Attribute.SUBJECT_ORG_KIND, ORG_KIND[s.orgKind().ordinal()]);
      sets[Attribute.SUBJECT_ROLES.ordinal()] = s.roles();
      sets[Attribute.SUBJECT_AGREEMENTS.ordinal()] = s.agreements();
      if (workspaceRole.isPresent()) {
        index(Attribute.SUBJECT_WORKSPACE_ROLE, ROLE[workspaceRole.get().ordinal()]);
      }
    }
    AuthMethod auth = ctx.auth();
    index(Attribute.SUBJECT_AUTH, AUTH[auth.ordinal()]);
    bool(Attribute.SUBJECT_MFA, auth.isMultiFactor() || ctx.secondFactorAt().isPresent());
    bool(Attribute.SUBJECT_PHISHING_RESISTANT, auth == AuthMethod.WEBAUTHN);
    if (ctx.secondFactorAt().isPresent()) {
      long age = now.getEpochSecond() - ctx.secondFactorAt().get().getEpochSecond();
      numbers[Attribute.SUBJECT_MFA_AGE.ordinal()] = Math.max(0, age);
    }
    texts[Attribute.RESOURCE_TYPE.ordinal()] = resource.type();
    if (resource.workspace().isPresent()) {
      texts[Attribute.RESOURCE_WORKSPACE.ordinal()] = resource.workspace().get().value();
    }
    index(Attribute.RESOURCE_CLASSIFICATION, CLASSIFICATION[resource.classification().ordinal()]);
    numbers[Attribute.RESOURCE_DATA_TYPES.ordinal()] =
        mask(Attribute.RESOURCE_DATA_TYPES, resource.dataTypes());
    bool(Attribute.RESOURCE_LEGAL_HOLD, resource.legalHold());
    if (resource.inspection().isPresent()) {
      index(
          Attribute.RESOURCE_INSPECTION,
          Attribute.RESOURCE_INSPECTION.indexOf(resource.inspection().get()));
    }
    if (resource.recipientAgreements().isPresent()) {
      sets[Attribute.RESOURCE_RECIPIENT_AGREEMENTS.ordinal()] =
          resource.recipientAgreements().get();
    }
    texts[Attribute.RESOURCE_REGION.ordinal()] = resource.region().orElse(null);
    index(Attribute.CONTEXT_CHANNEL, CHANNEL[ctx.channel().ordinal()]);
    texts[Attribute.CONTEXT_ZONE.ordinal()] = ctx.zone().orElse(null);
    texts[Attribute.CONTEXT_COUNTRY.ordinal()] = ctx.country().orElse(null);
    bool(Attribute.CONTEXT_DEVICE_TRUSTED, ctx.deviceTrusted());
    numbers[Attribute.CONTEXT_RISK_SCORE.ordinal()] = Math.round(ctx.riskScore() * 1_000_000);
    if (needsTime) {
      LocalDateTime local = LocalDateTime.ofInstant(now, zone);
      numbers[Attribute.CONTEXT_TIME.ordinal()] = local.getHour() * 60L + local.getMinute();
      numbers[Attribute.CONTEXT_WEEKDAY.ordinal()] = local.getDayOfWeek().getValue() - 1L;
    }
  }

  private void bool(Attribute a, boolean value) {
    numbers[a.ordinal()] = value ? 1 : 0;
  }

  private void index(Attribute a, int i) {
    numbers[a.ordinal()] = i < 0 ? ABSENT : i;
  }

  private static java.util.Map<String, Integer> dataTypeIndex() {
    java.util.Map<String, Integer> m = new java.util.HashMap<>();
    List<String> domain = Attribute.RESOURCE_DATA_TYPES.domain();
    for (int i = 0; i < domain.size(); i++) {
      m.put(domain.get(i), i);
    }
    return m;
  }

  private static int[] indexes(Attribute a, Enum<?>[] constants) {
    int[] out = new int[constants.length];
    for (Enum<?> c : constants) {
      String code =
          switch (c) {
            case AuthMethod m -> m.code();
            case OrgKind k -> k.code();
            case WorkspaceRole r -> r.code();
            case Classification x -> x.code();
            case Channel ch -> ch.code();
            default -> c.name();
          };
      out[c.ordinal()] = a.indexOf(code);
    }
    return out;
  }

  private static long mask(Attribute a, List<String> values) {
    long m = 0;
    for (int k = 0; k < values.size(); k++) {
      String v = values.get(k);
      Integer known = DATA_TYPES.get(v);
      int i = known != null ? known : a.indexOf(v); // exact spelling first, then any case
      if (i >= 0) {
        m |= 1L << i;
      }
    }
    return m;
  }

  long number(Attribute a) {
    return numbers[a.ordinal()];
  }

  String text(Attribute a) {
    return texts[a.ordinal()];
  }

  @SuppressWarnings("unchecked")
  Set<String> set(Attribute a) {
    return (Set<String>) sets[a.ordinal()];
  }

  boolean isPresent(Attribute a) {
    return switch (a.kind()) {
      case TEXT -> texts[a.ordinal()] != null;
      case TEXT_SET -> sets[a.ordinal()] != null;
      default -> numbers[a.ordinal()] != ABSENT;
    };
  }

  /** The value as a policy document would write it, for explanations. */
  String display(Attribute a) {
    if (!isPresent(a)) {
      return "absent";
    }
    long n = numbers[a.ordinal()];
    return switch (a.kind()) {
      case BOOL -> n == 1 ? "true" : "false";
      case CHOICE -> a.domain().get((int) n);
      case TEXT -> texts[a.ordinal()];
      case TEXT_SET -> String.valueOf(new java.util.TreeSet<>(set(a)));
      case CHOICE_SET -> Values.maskText(a, n);
      case NUMBER -> String.valueOf(n / 1_000_000.0);
      case DURATION -> n + "s";
      case TIME -> String.format(java.util.Locale.ROOT, "%02d:%02d", n / 60, n % 60);
    };
  }
}
