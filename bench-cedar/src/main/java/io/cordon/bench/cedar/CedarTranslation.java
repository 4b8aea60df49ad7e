package io.cordon.bench.cedar;

import com.cedarpolicy.model.policy.Policy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cordon.policy.Obligation;
import io.cordon.policy.PolicySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cordon policy documents translated into Cedar policies, as equivalent as Cedar allows. Cedar has
 * two effects and no obligations, so:
 *
 * <ul>
 *   <li>{@code permit} and {@code forbid} become Cedar's (Cordon's {@code unless} is Cedar's);
 *   <li>{@code step-up} becomes a forbid annotated {@code @cordon("step-up")}: Cedar denies where
 *       Cordon answers STEP_UP (no answer is "allowed after a second factor");
 *   <li>{@code oblige} rules (and permits' obligations) become permits annotated
 *       {@code @obligations(...)} in a second policy set, asked only when the first permits: the
 *       obligations are those of the policies Cedar names as reasons.
 * </ul>
 *
 * Only rules that can apply to a {@code file} (resources {@code *} or {@code file}) are translated,
 * the only resource type the benchmark asks about; the others are counted as skipped. Attributes
 * map to entity and context attributes built by {@link CedarQuestions}; an attribute Cordon may
 * leave absent is optional in Cedar and guarded with {@code has}, since Cordon treats a condition
 * on an absent attribute as false (except {@code exists: false}). Anything this translator does not
 * know (an attribute, an operator, {@code require}) is an error rather than a guess.
 */
final class CedarTranslation {
  static final String RESOURCE_TYPE = "file";

  /** The translated sets, and what the harness needs to read Cedar's answers. */
  record Translated(
      List<Policy> decisions,
      List<Policy> obligations,
      Map<String, Set<Obligation>> obligationsById,
      Set<String> stepUpIds,
      int rulesSeen,
      int skipped) {}

  private enum Kind {
    BOOL,
    TEXT,
    SET,
    CLASSIFICATION,
    NUMBER,
    DURATION,
    TIME
  }

  /** Where a Cordon attribute lives in a Cedar request. */
  private record Attr(String owner, String name, Kind kind, boolean optional) {
    String expr() {
      return owner + "." + name;
    }

    String has() {
      return owner + " has " + name;
    }
  }

  private static final Map<String, Attr> ATTRIBUTES = attributes();

  private static final List<String> CLASSIFICATIONS =
      List.of("public", "internal", "confidential", "restricted");

  private static final YAMLMapper YAML = new YAMLMapper();

  private CedarTranslation() {}

  static Translated translate(List<PolicySource> sources) {
    CedarLibrary.load();
    List<Policy> decisions = new ArrayList<>();
    List<Policy> obligations = new ArrayList<>();
    Map<String, Set<Obligation>> obligationsById = new HashMap<>();
    Set<String> stepUps = new HashSet<>();
    int seen = 0;
    int skipped = 0;
    for (PolicySource source : sources) {
      JsonNode doc;
      try {
        doc = YAML.readTree(source.text());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + source.name(), e);
      }
      for (JsonNode rule : doc.path("rules")) {
        seen++;
        List<String> types = strings(rule.get("resources"));
        if (!types.contains("*") && !types.contains(RESOURCE_TYPE)) {
          skipped++;
          continue;
        }
        String id = rule.path("id").asText();
        String effect = rule.path("effect").asText();
        if (rule.has("require")) {
          throw new IllegalArgumentException(id + ": require is not translated");
        }
        String head = scope(strings(rule.get("actions")), types);
        String when = conditions(id, rule.get("when"));
        if (!types.contains("*") && types.size() > 1) {
          String only = typeCondition(id, rule.get("resources"));
          when = when.isEmpty() ? only : only + " && " + when;
        }
        String unless = conditions(id, rule.get("unless"));
        Set<Obligation> obliged = obligations(id, rule.get("obligations"));
        switch (effect) {
          case "permit" -> decisions.add(policy(id, "permit", head, when, unless, "permit"));
          case "forbid" -> decisions.add(policy(id, "forbid", head, when, unless, "forbid"));
          case "step-up" -> {
            decisions.add(policy(id, "forbid", head, when, unless, "step-up"));
            stepUps.add(id);
          }
          case "oblige" -> {}
          default -> throw new IllegalArgumentException(id + ": unknown effect " + effect);
        }
        if (!obliged.isEmpty() && (effect.equals("permit") || effect.equals("oblige"))) {
          obligations.add(policy(id, "permit", head, when, unless, effect));
          obligationsById.put(id, obliged);
        }
      }
    }
    return new Translated(
        List.copyOf(decisions),
        List.copyOf(obligations),
        Map.copyOf(obligationsById),
        Set.copyOf(stepUps),
        seen,
        skipped);
  }

  private static Policy policy(
      String id, String effect, String head, String when, String unless, String cordonEffect) {
    StringBuilder p = new StringBuilder();
    p.append("@cordon(\"").append(cordonEffect).append("\")\n");
    p.append(effect).append(" (").append(head).append(")");
    if (!when.isEmpty()) {
      p.append("\nwhen { ").append(when).append(" }");
    }
    if (!unless.isEmpty()) {
      p.append("\nunless { ").append(unless).append(" }");
    }
    p.append(";");
    return new Policy(p.toString(), id);
  }

  /** The scope: any principal, the actions, and (for a file-only rule) {@code resource is File}. */
  private static String scope(List<String> actions, List<String> types) {
    String action;
    if (actions.contains("*")) {
      action = "action";
    } else if (actions.size() == 1) {
      action = "action == Action::" + quote(actions.get(0));
    } else {
      List<String> uids = actions.stream().map(a -> "Action::" + quote(a)).toList();
      action = "action in [" + String.join(", ", uids) + "]";
    }
    String resource =
        types.size() == 1 && !types.contains("*")
            ? "resource is " + CedarQuestions.typeName(types.get(0))
            : "resource";
    return "principal, " + action + ", " + resource;
  }

  private static String conditions(String id, JsonNode map) {
    if (map == null || map.isNull()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("resource.type")) {
        parts.add(typeCondition(id, e.getValue()));
        continue;
      }
      Attr a = ATTRIBUTES.get(e.getKey());
      if (a == null) {
        throw new IllegalArgumentException(id + ": attribute " + e.getKey() + " is not translated");
      }
      parts.add(condition(id, a, e.getValue()));
    }
    return String.join(" && ", parts);
  }

  /** {@code resource.type} is the entity type in Cedar: {@code resource is File}. */
  private static String typeCondition(String id, JsonNode spec) {
    if (spec.isObject() && spec.has("notIn")) {
      List<String> parts = new ArrayList<>();
      for (String t : strings(spec.get("notIn"))) {
        parts.add("!(resource is " + CedarQuestions.typeName(t) + ")");
      }
      return "(" + String.join(" && ", parts) + ")";
    }
    if (spec.isObject()) {
      throw new IllegalArgumentException(id + ": resource.type " + spec + " is not translated");
    }
    List<String> parts = new ArrayList<>();
    for (String t : strings(spec)) {
      parts.add("resource is " + CedarQuestions.typeName(t));
    }
    return "(" + String.join(" || ", parts) + ")";
  }

  private static String condition(String id, Attr a, JsonNode spec) {
    List<String> tests = new ArrayList<>();
    Boolean exists = null;
    if (spec.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> op = it.next();
        if (op.getKey().equals("exists")) {
          exists = op.getValue().asBoolean();
        } else {
          tests.add(operator(id, a, op.getKey(), op.getValue()));
        }
      }
    } else {
      tests.add(operator(id, a, spec.isArray() ? "bare-list" : "is", spec));
    }
    if (Boolean.FALSE.equals(exists)) {
      return a.optional() ? "!(" + a.has() + ")" : "false";
    }
    String test = String.join(" && ", tests);
    if (!a.optional()) {
      return tests.isEmpty() ? "true" : "(" + test + ")";
    }
    return tests.isEmpty() ? "(" + a.has() + ")" : "(" + a.has() + " && " + test + ")";
  }

  private static String operator(String id, Attr a, String op, JsonNode value) {
    String e = a.expr();
    return switch (op) {
      case "is", "bare-list", "in" -> {
        if (a.kind() == Kind.SET) {
          yield value.isArray()
              ? e + ".containsAny(" + list(value) + ")"
              : e + ".contains(" + literal(value) + ")";
        }
        yield value.isArray() ? list(value) + ".contains(" + e + ")" : e + " == " + literal(value);
      }
      case "not" -> e + " != " + literal(value);
      case "notIn" -> "!(" + list(value) + ".contains(" + e + "))";
      case "contains" -> e + ".contains(" + literal(value) + ")";
      case "containsAll" -> e + ".containsAll(" + list(value) + ")";
      case "containsAny" -> e + ".containsAny(" + list(value) + ")";
      case "containsNone" -> "!(" + e + ".containsAny(" + list(value) + "))";
      case "atLeast" -> ordered(a) + " >= " + number(id, a, value.asText());
      case "atMost" -> ordered(a) + " <= " + number(id, a, value.asText());
      case "between" -> {
        long lo = number(id, a, value.get(0).asText());
        long hi = number(id, a, value.get(1).asText());
        String x = ordered(a);
        yield lo <= hi
            ? "(" + x + " >= " + lo + " && " + x + " <= " + hi + ")"
            : "(" + x + " >= " + lo + " || " + x + " <= " + hi + ")";
      }
      default -> throw new IllegalArgumentException(id + ": operator " + op + " is not translated");
    };
  }

  /** The expression compared by atLeast/atMost: classifications by their level. */
  private static String ordered(Attr a) {
    return a.kind() == Kind.CLASSIFICATION ? a.owner() + ".classificationLevel" : a.expr();
  }

  private static long number(String id, Attr a, String text) {
    return switch (a.kind()) {
      case CLASSIFICATION -> {
        int level = CLASSIFICATIONS.indexOf(text.toLowerCase(Locale.ROOT));
        if (level < 0) {
          throw new IllegalArgumentException(id + ": unknown classification " + text);
        }
        yield level;
      }
      case NUMBER -> Math.round(Double.parseDouble(text) * 1_000_000);
      case DURATION -> seconds(text);
      case TIME -> {
        String[] hm = text.split(":");
        yield Integer.parseInt(hm[0]) * 60L + Integer.parseInt(hm[1]);
      }
      default ->
          throw new IllegalArgumentException(id + ": " + a.expr() + " has no order in Cedar");
    };
  }

  private static long seconds(String text) {
    long n = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 's' -> n;
      case 'm' -> n * 60;
      case 'h' -> n * 3600;
      case 'd' -> n * 86_400;
      default -> throw new IllegalArgumentException("unknown duration " + text);
    };
  }

  private static Set<Obligation> obligations(String id, JsonNode node) {
    Set<Obligation> out = EnumSet.noneOf(Obligation.class);
    for (String code : strings(node)) {
      out.add(
          Obligation.fromCode(code)
              .orElseThrow(() -> new IllegalArgumentException(id + ": obligation " + code)));
    }
    return out;
  }

  private static String literal(JsonNode v) {
    return v.isBoolean() || v.isNumber() ? v.asText() : quote(v.asText());
  }

  private static String list(JsonNode v) {
    List<String> items = new ArrayList<>();
    for (String s : strings(v)) {
      items.add(quote(s));
    }
    return "[" + String.join(", ", items) + "]";
  }

  private static List<String> strings(JsonNode v) {
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      return List.of(v.asText());
    }
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add(x.asText()));
    return out;
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Map<String, Attr> attributes() {
    Map<String, Attr> m = new HashMap<>();
    m.put("subject.authenticated", new Attr("principal", "authenticated", Kind.BOOL, false));
    m.put("subject.org", new Attr("principal", "org", Kind.TEXT, true));
    m.put("subject.orgKind", new Attr("principal", "orgKind", Kind.TEXT, true));
    m.put("subject.roles", new Attr("principal", "roles", Kind.SET, true));
    m.put("subject.workspaceRole", new Attr("context", "workspaceRole", Kind.TEXT, true));
    m.put("subject.auth", new Attr("principal", "auth", Kind.TEXT, false));
    m.put("subject.mfa", new Attr("principal", "mfa", Kind.BOOL, false));
    m.put("subject.mfaAge", new Attr("context", "mfaAgeSeconds", Kind.DURATION, true));
    m.put(
        "subject.phishingResistant", new Attr("principal", "phishingResistant", Kind.BOOL, false));
    m.put("resource.workspace", new Attr("resource", "workspace", Kind.TEXT, true));
    m.put(
        "resource.classification",
        new Attr("resource", "classification", Kind.CLASSIFICATION, false));
    m.put("resource.dataTypes", new Attr("resource", "dataTypes", Kind.SET, false));
    m.put("resource.legalHold", new Attr("resource", "legalHold", Kind.BOOL, false));
    m.put("resource.region", new Attr("resource", "region", Kind.TEXT, true));
    m.put("resource.inspection", new Attr("resource", "inspection", Kind.TEXT, true));
    m.put(
        "resource.recipientAgreements",
        new Attr("resource", "recipientAgreements", Kind.SET, true));
    m.put("subject.agreements", new Attr("principal", "agreements", Kind.SET, true));
    m.put("context.channel", new Attr("context", "channel", Kind.TEXT, false));
    m.put("context.zone", new Attr("context", "zone", Kind.TEXT, true));
    m.put("context.country", new Attr("context", "country", Kind.TEXT, true));
    m.put("context.deviceTrusted", new Attr("context", "deviceTrusted", Kind.BOOL, false));
    m.put("context.time", new Attr("context", "minuteOfDay", Kind.TIME, false));
    m.put("context.weekday", new Attr("context", "weekday", Kind.TEXT, false));
    m.put("context.riskScore", new Attr("context", "riskScoreMicros", Kind.NUMBER, false));
    return Map.copyOf(m);
  }
}
