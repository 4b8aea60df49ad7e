package io.cordon.policy.internal;

import io.cordon.policy.Action;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules filed by action and resource type (and, for rules about named workspaces, by workspace),
 * each list ordered forbid, step-up, permit, oblige. A lookup is an array index and one or two hash
 * lookups; a decision then tests only the rules that could apply. Never modified after
 * construction, so safe to read from any thread once published (the engine publishes it through an
 * atomic reference).
 */
final class RuleIndex {
  static final Rule[] NONE = new Rule[0];

  /**
   * The rules for one action and resource type: those about named workspaces filed by workspace,
   * those about named organisations (not workspaces) by organisation, the rest general.
   */
  record Bucket(Rule[] general, Map<String, Rule[]> byWorkspace, Map<String, Rule[]> byOrg) {
    Rule[] forWorkspace(String workspace) {
      return find(byWorkspace, workspace);
    }

    Rule[] forOrg(String org) {
      return find(byOrg, org);
    }

    private static Rule[] find(Map<String, Rule[]> map, String key) {
      if (key == null || map.isEmpty()) {
        return NONE;
      }
      Rule[] r = map.get(key);
      return r == null ? NONE : r;
    }
  }

  private final List<Map<String, Bucket>> byType = new ArrayList<>();
  private final List<Bucket> anyType = new ArrayList<>();

  RuleIndex(List<Rule> rules) {
    for (Action action : Action.values()) {
      List<Rule> forAction =
          rules.stream()
              .filter(r -> r.actions().contains("*") || r.actions().contains(action.code()))
              .toList();
      Map<String, List<Rule>> typed = new LinkedHashMap<>();
      List<Rule> wildcard = new ArrayList<>();
      for (Rule r : forAction) {
        if (r.resourceTypes().contains("*")) {
          wildcard.add(r);
        }
      }
      for (Rule r : forAction) {
        for (String t : r.resourceTypes()) {
          if (!t.equals("*")) {
            typed.computeIfAbsent(t, k -> new ArrayList<>(wildcard)).add(r);
          }
        }
      }
      Map<String, Bucket> buckets = new HashMap<>();
      typed.forEach((t, list) -> buckets.put(t, bucket(list)));
      byType.add(buckets);
      anyType.add(bucket(wildcard));
    }
  }

  Bucket lookup(Action action, String type) {
    Bucket b = byType.get(action.ordinal()).get(type);
    return b != null ? b : anyType.get(action.ordinal());
  }

  private static Bucket bucket(List<Rule> rules) {
    Comparator<Rule> order = Comparator.comparing(Rule::effect);
    List<Rule> general = new ArrayList<>();
    Map<String, List<Rule>> byWorkspace = new HashMap<>();
    Map<String, List<Rule>> byOrg = new HashMap<>();
    for (Rule r : rules) {
      Set<String> ws = r.only(Attribute.RESOURCE_WORKSPACE);
      Set<String> orgs = r.only(Attribute.SUBJECT_ORG);
      if (!ws.isEmpty()) {
        ws.forEach(k -> byWorkspace.computeIfAbsent(k, x -> new ArrayList<>()).add(r));
      } else if (!orgs.isEmpty()) {
        orgs.forEach(k -> byOrg.computeIfAbsent(k, x -> new ArrayList<>()).add(r));
      } else {
        general.add(r);
      }
    }
    general.sort(order); // stable: within an effect, document order
    return new Bucket(
        general.toArray(Rule[]::new), sorted(byWorkspace, order), sorted(byOrg, order));
  }

  // HashMap, not Map.copyOf: ids that differ only in their last characters cluster in the
  // immutable map's linear probing; HashMap spreads hashes and bounds a bucket's chain.
  private static Map<String, Rule[]> sorted(Map<String, List<Rule>> in, Comparator<Rule> order) {
    Map<String, Rule[]> out = new HashMap<>();
    in.forEach((k, v) -> out.put(k, v.stream().sorted(order).toArray(Rule[]::new)));
    return out;
  }
}
