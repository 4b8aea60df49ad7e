package io.cordon.policy.internal;

import io.cordon.policy.Action;
import io.cordon.policy.Obligation;
import io.cordon.policy.PolicyProblem;
import io.cordon.policy.PolicySource;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one policy document (docs/policies.md "Language") into compiled rules, collecting every
 * problem with its line rather than stopping at the first.
 */
final class DocumentParser {
  private static final Set<String> TOP =
      Set.of("policy", "version", "description", "timeZone", "rules");
  private static final Set<String> RULE =
      Set.of(
          "id",
          "effect",
          "description",
          "reason",
          "actions",
          "resources",
          "when",
          "unless",
          "require",
          "obligations");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9:._-]{0,99}");
  private static final Pattern TYPE = Pattern.compile("\\*|[a-z][a-z0-9-]{0,63}");

  /** What a document declares besides its rules. */
  record Document(String name, String version, Optional<ZoneId> timeZone, List<Rule> rules) {}

  private final PolicySource source;
  private final List<PolicyProblem> problems;

  DocumentParser(PolicySource source, List<PolicyProblem> problems) {
    this.source = source;
    this.problems = problems;
  }

  Optional<Document> parse() {
    try {
      Node root = YamlTree.parse(source.text());
      Map<String, Node> top = YamlTree.mapping(root, "a policy document");
      for (Map.Entry<String, Node> e : top.entrySet()) {
        if (!TOP.contains(e.getKey())) {
          problem(
              YamlTree.line(e.getValue()), "unknown key '" + e.getKey() + "' (keys: " + TOP + ")");
        }
      }
      String name = required(top, "policy", root);
      String version = required(top, "version", root);
      Optional<ZoneId> zone = Optional.empty();
      if (top.containsKey("timeZone")) {
        Node z = top.get("timeZone");
        try {
          zone = Optional.of(ZoneId.of(YamlTree.scalar(z, "timeZone")));
        } catch (DateTimeException ex) {
          problem(YamlTree.line(z), "unknown time zone '" + YamlTree.scalar(z, "timeZone") + "'");
        }
      }
      if (!top.containsKey("rules")) {
        throw new Invalid(YamlTree.line(root), "a policy document needs 'rules'");
      }
      List<Rule> rules = new ArrayList<>();
      for (Node r : YamlTree.sequence(top.get("rules"), "rules")) {
        try {
          rules.add(rule(r));
        } catch (Invalid e) {
          problem(e.line(), e.getMessage());
        }
      }
      return Optional.of(new Document(name, version, zone, rules));
    } catch (Invalid e) {
      problem(e.line(), e.getMessage());
      return Optional.empty();
    }
  }

  private String required(Map<String, Node> map, String key, Node at) throws Invalid {
    Node n = map.get(key);
    if (n == null) {
      throw new Invalid(YamlTree.line(at), "missing '" + key + "'");
    }
    String v = YamlTree.scalar(n, key).trim();
    if (v.isEmpty()) {
      throw new Invalid(YamlTree.line(n), "'" + key + "' is empty");
    }
    return v;
  }

  private Rule rule(Node node) throws Invalid {
    Map<String, Node> m = YamlTree.mapping(node, "a rule");
    int line = YamlTree.line(node);
    for (Map.Entry<String, Node> e : m.entrySet()) {
      if (!RULE.contains(e.getKey())) {
        throw new Invalid(
            YamlTree.line(e.getValue()),
            "unknown rule key '" + e.getKey() + "' (keys: " + RULE + ")");
      }
    }
    String id = required(m, "id", node);
    if (!ID.matcher(id).matches()) {
      throw new Invalid(YamlTree.line(m.get("id")), "rule id '" + id + "' must match " + ID);
    }
    String effectCode;
    try {
      effectCode = required(m, "effect", node);
    } catch (Invalid e) {
      throw new Invalid(e.line(), "rule " + id + ": " + e.getMessage());
    }
    Effect effect =
        Effect.fromCode(effectCode)
            .orElseThrow(
                () ->
                    new Invalid(
                        YamlTree.line(m.get("effect")),
                        "rule "
                            + id
                            + ": unknown effect '"
                            + effectCode
                            + "' (permit, forbid, step-up, oblige)"));
    Set<String> actions = actions(m, node, id);
    Set<String> types = types(m, node, id);
    Condition[] when = conditions(m.get("when"), id, "when");
    Condition[] unless = conditions(m.get("unless"), id, "unless");
    Condition[] require = conditions(m.get("require"), id, "require");
    List<Obligation> obligations = obligations(m.get("obligations"), id);
    RuleChecks.check(id, line, effect, when, unless, require, obligations, m);
    String reason =
        m.containsKey("reason") ? YamlTree.scalar(m.get("reason"), "reason") : "rule " + id;
    return new Rule(
        id,
        effect,
        actions,
        types,
        when,
        unless,
        require,
        obligations,
        reason,
        source.name(),
        line);
  }

  private Set<String> actions(Map<String, Node> m, Node at, String id) throws Invalid {
    Node n = m.get("actions");
    if (n == null) {
      throw new Invalid(YamlTree.line(at), "rule " + id + ": missing 'actions'");
    }
    Set<String> out = new LinkedHashSet<>();
    for (String a : YamlTree.scalars(n, "actions")) {
      boolean known = a.equals("*");
      for (Action action : Action.values()) {
        known |= action.code().equals(a);
      }
      if (!known) {
        throw new Invalid(YamlTree.line(n), "rule " + id + ": unknown action '" + a + "'");
      }
      out.add(a);
    }
    if (out.isEmpty()) {
      throw new Invalid(YamlTree.line(n), "rule " + id + ": 'actions' is empty");
    }
    return Set.copyOf(out.contains("*") ? Set.of("*") : out);
  }

  private Set<String> types(Map<String, Node> m, Node at, String id) throws Invalid {
    Node n = m.get("resources");
    if (n == null) {
      throw new Invalid(YamlTree.line(at), "rule " + id + ": missing 'resources'");
    }
    Set<String> out = new LinkedHashSet<>(YamlTree.scalars(n, "resources"));
    for (String t : out) {
      if (!TYPE.matcher(t).matches()) {
        throw new Invalid(YamlTree.line(n), "rule " + id + ": bad resource type '" + t + "'");
      }
    }
    if (out.isEmpty()) {
      throw new Invalid(YamlTree.line(n), "rule " + id + ": 'resources' is empty");
    }
    return Set.copyOf(out.contains("*") ? Set.of("*") : out);
  }

  private Condition[] conditions(Node n, String id, String part) throws Invalid {
    if (n == null) {
      return new Condition[0];
    }
    List<Condition> out = new ArrayList<>();
    for (Map.Entry<String, Node> e : YamlTree.mapping(n, "'" + part + "'").entrySet()) {
      int line = YamlTree.line(e.getValue());
      Attribute a =
          Attribute.byPath(e.getKey())
              .orElseThrow(
                  () ->
                      new Invalid(
                          line,
                          "rule "
                              + id
                              + ": unknown attribute '"
                              + e.getKey()
                              + "'"
                              + Attribute.suggest(e.getKey())));
      out.add(Conditions.compile(a, ops(a, e.getValue())));
    }
    return out.toArray(Condition[]::new);
  }

  /**
   * The operators written for one attribute; a bare value means is/contains, a list in/containsAny.
   */
  private static List<Op> ops(Attribute a, Node v) throws Invalid {
    boolean set = a.kind() == Kind.CHOICE_SET || a.kind() == Kind.TEXT_SET;
    int line = YamlTree.line(v);
    if (YamlTree.isSequence(v)) {
      return List.of(new Op(set ? "containsAny" : "in", YamlTree.scalars(v, a.path()), line));
    }
    if (!YamlTree.isMapping(v)) {
      return List.of(new Op(set ? "contains" : "is", List.of(YamlTree.scalar(v, a.path())), line));
    }
    List<Op> ops = new ArrayList<>();
    for (Map.Entry<String, Node> e : YamlTree.mapping(v, a.path()).entrySet()) {
      ops.add(
          new Op(
              e.getKey(), YamlTree.scalars(e.getValue(), e.getKey()), YamlTree.line(e.getValue())));
    }
    if (ops.isEmpty()) {
      throw new Invalid(line, a.path() + " has no operator");
    }
    return ops;
  }

  private static List<Obligation> obligations(Node n, String id) throws Invalid {
    if (n == null) {
      return List.of();
    }
    List<Obligation> out = new ArrayList<>();
    for (String code : YamlTree.scalars(n, "obligations")) {
      out.add(
          Obligation.fromCode(code)
              .orElseThrow(
                  () ->
                      new Invalid(
                          YamlTree.line(n),
                          "rule "
                              + id
                              + ": unknown obligation '"
                              + code
                              + "' (view-only, watermark, notify-owner, justification-required)")));
    }
    return List.copyOf(new LinkedHashSet<>(out));
  }

  private void problem(int line, String reason) {
    problems.add(new PolicyProblem(source.name(), line, reason));
  }
}
