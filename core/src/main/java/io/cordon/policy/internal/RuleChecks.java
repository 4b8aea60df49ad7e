package io.cordon.policy.internal;

import io.cordon.policy.Obligation;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Static checks of one rule that need more than one part of it: which parts an effect may have,
 * that step-up can only be cured by authentication, and combinations that can never match.
 */
final class RuleChecks {
  private RuleChecks() {}

  static void check(
      String id,
      int line,
      Effect effect,
      Condition[] when,
      Condition[] unless,
      Condition[] require,
      List<Obligation> obligations,
      Map<String, Node> m)
      throws Invalid {
    if (unless.length > 0 && (effect == Effect.PERMIT || effect == Effect.OBLIGE)) {
      throw new Invalid(
          at(m, "unless", line), "rule " + id + ": only forbid and step-up rules take 'unless'");
    }
    if (require.length > 0 && effect != Effect.PERMIT) {
      throw new Invalid(
          at(m, "require", line), "rule " + id + ": only permit rules take 'require'");
    }
    if (!obligations.isEmpty() && effect != Effect.PERMIT && effect != Effect.OBLIGE) {
      throw new Invalid(
          at(m, "obligations", line),
          "rule " + id + ": only permit and oblige rules take obligations");
    }
    if (effect == Effect.OBLIGE && obligations.isEmpty()) {
      throw new Invalid(line, "rule " + id + ": an oblige rule needs obligations");
    }
    if (effect == Effect.STEP_UP && unless.length == 0) {
      throw new Invalid(
          line,
          "rule "
              + id
              + ": a step-up rule needs 'unless' (the factor that satisfies it);"
              + " a rule that always refuses is a forbid");
    }
    Condition[] cure = effect == Effect.STEP_UP ? unless : require;
    for (Condition c : cure) {
      if (!c.attribute.isAuthentication()) {
        throw new Invalid(
            at(m, effect == Effect.STEP_UP ? "unless" : "require", line),
            "rule "
                + id
                + ": "
                + c.attribute.path()
                + " cannot be changed by stepping up; step-up conditions may only name"
                + " subject.auth, subject.mfa, subject.mfaAge, subject.phishingResistant");
      }
    }
    neverMatches(id, line, when);
  }

  /** Contradictions between attributes: a workspace role needs a workspace and a subject. */
  private static void neverMatches(String id, int line, Condition[] when) throws Invalid {
    boolean anonymous = false;
    boolean noWorkspace = false;
    boolean needsSubject = false;
    boolean needsWorkspace = false;
    for (Condition c : when) {
      switch (c.attribute) {
        case SUBJECT_AUTHENTICATED -> anonymous = c.written.equals("{is: false}");
        case RESOURCE_WORKSPACE -> noWorkspace = c.written.equals("{exists: false}");
        case SUBJECT_ORG, SUBJECT_ORG_KIND, SUBJECT_ROLES -> needsSubject |= !isAbsenceTest(c);
        case SUBJECT_WORKSPACE_ROLE -> {
          needsSubject |= !isAbsenceTest(c);
          needsWorkspace |= !isAbsenceTest(c);
        }
        default -> {}
      }
    }
    if (anonymous && needsSubject) {
      throw new Invalid(
          line, "rule " + id + " can never match: it asks for an anonymous subject's attributes");
    }
    if (noWorkspace && needsWorkspace) {
      throw new Invalid(
          line, "rule " + id + " can never match: a workspace role needs a workspace resource");
    }
  }

  private static boolean isAbsenceTest(Condition c) {
    return c.written.equals("{exists: false}");
  }

  private static int at(Map<String, Node> m, String key, int fallback) {
    Node n = m.get(key);
    return n == null ? fallback : YamlTree.line(n);
  }
}
