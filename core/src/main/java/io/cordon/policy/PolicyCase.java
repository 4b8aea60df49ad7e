package io.cordon.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.context.CordonException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One case of a policy test file (docs/policies.md "Testing a policy"): a question, the decision
 * expected ({@code permit}, {@code deny}, {@code step-up}), and optionally rules that must be among
 * the decision's and the exact obligations. Immutable.
 *
 * @param name how the case is reported
 * @param rules rule ids that must all be among the decision's rules (empty: not checked)
 * @param obligations the exact obligations of a permit, when given
 */
public record PolicyCase(
    String name,
    PolicyQuestion question,
    String expect,
    List<String> rules,
    Optional<Set<String>> obligations) {
  private static final Set<String> FIELDS =
      Set.of("name", "request", "expect", "rules", "obligations");
  private static final Set<String> DECISIONS = Set.of("permit", "deny", "step-up");

  /** A fixed instant for cases that do not state one, so that a case never depends on the day. */
  public static final Instant DEFAULT_TIME = Instant.parse("2026-11-24T10:00:00Z");

  public PolicyCase {
    rules = List.copyOf(rules);
  }

  /** The cases of a test file ({@code cases: [...]}); none is an error. */
  public static List<PolicyCase> parseAll(JsonNode root) {
    if (root == null || !root.isObject() || !root.path("cases").isArray()) {
      throw new CordonException.InvalidInput("a policy test file needs a list 'cases'");
    }
    List<PolicyCase> out = new ArrayList<>();
    int i = 0;
    for (JsonNode c : root.path("cases")) {
      i++;
      try {
        out.add(parse(c, i));
      } catch (CordonException.InvalidInput e) {
        throw new CordonException.InvalidInput("case " + i + ": " + e.getMessage());
      }
    }
    if (out.isEmpty()) {
      throw new CordonException.InvalidInput("the policy test file has no cases");
    }
    return out;
  }

  private static PolicyCase parse(JsonNode c, int index) {
    if (!c.isObject()) {
      throw new CordonException.InvalidInput("a case must be a mapping");
    }
    for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new CordonException.InvalidInput(
            "unknown field '" + f + "' (fields: " + FIELDS + ")");
      }
    }
    String expect = c.path("expect").asText("").toLowerCase(Locale.ROOT);
    if (!DECISIONS.contains(expect)) {
      throw new CordonException.InvalidInput("'expect' must be permit, deny or step-up");
    }
    if (!c.path("request").isObject()) {
      throw new CordonException.InvalidInput("'request' is required");
    }
    List<String> rules = new ArrayList<>();
    c.path("rules").forEach(r -> rules.add(r.asText()));
    Optional<Set<String>> obligations = Optional.empty();
    if (c.has("obligations")) {
      Set<String> o = new TreeSet<>();
      c.path("obligations").forEach(x -> o.add(x.asText()));
      obligations = Optional.of(o);
    }
    return new PolicyCase(
        c.path("name").asText("case " + index),
        PolicyQuestion.parse(c.path("request"), DEFAULT_TIME),
        expect,
        rules,
        obligations);
  }

  /** Runs the case against a policy set: empty when it passes, else what went wrong. */
  public Optional<String> check(PolicySet policy) {
    Decision d =
        policy.decide(
            question.request(), question.workspaceRole(), question.at().orElse(DEFAULT_TIME));
    String got =
        switch (d) {
          case Decision.Permit p -> "permit";
          case Decision.Deny x -> "deny";
          case Decision.StepUp s -> "step-up";
        };
    List<String> wrong = new ArrayList<>();
    if (!got.equals(expect)) {
      wrong.add("expected " + expect + ", got " + got);
    }
    if (!d.rules().containsAll(rules)) {
      wrong.add("expected rules " + rules + " among " + d.rules());
    }
    if (obligations.isPresent()) {
      Set<String> actual = new TreeSet<>();
      if (d instanceof Decision.Permit p) {
        p.obligations().forEach(o -> actual.add(o.code()));
      }
      if (!actual.equals(obligations.get())) {
        wrong.add("expected obligations " + obligations.get() + ", got " + actual);
      }
    }
    return wrong.isEmpty()
        ? Optional.empty()
        : Optional.of(String.join("; ", wrong) + " (" + d.reason() + "; rules " + d.rules() + ")");
  }
}
