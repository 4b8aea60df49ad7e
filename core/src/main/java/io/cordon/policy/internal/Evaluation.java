package io.cordon.policy.internal;

import io.cordon.content.WorkspaceRole;
import io.cordon.policy.AccessRequest;
import io.cordon.policy.Decision;
import io.cordon.policy.Explanation.RuleTrace;
import io.cordon.policy.Obligation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Combines the rules of one bucket into a decision, as Cedar does: a forbid that applies denies;
 * without an applicable permit (satisfied or not) the default is deny; a step-up rule that applies
 * asks for a factor; a satisfied permit permits, with the obligations of every permit and oblige
 * rule that applies; a permit whose {@code require} fails asks for a step-up. With a trace, every
 * rule is evaluated and explained; without, a forbid ends the evaluation. Not thread-safe; one per
 * decision.
 */
final class Evaluation {
  private final Facts facts;
  private final List<RuleTrace> trace;
  private Rule forbid;
  private Rule stepUp;
  private Rule unmet;
  private Condition unmetCondition;
  private List<Rule> permits;
  private List<Rule> obligers;

  Evaluation(Facts facts, List<RuleTrace> trace) {
    this.facts = facts;
    this.trace = trace;
  }

  /** Evaluates a bucket's rules; false once the answer is fixed (a forbid, when not tracing). */
  boolean run(Rule[] rules) {
    for (Rule r : rules) {
      if (!r.applies(facts)) {
        if (trace != null) {
          note(r, false, "not matched: " + Rule.firstFailing(r.when(), facts).failure(facts));
        }
        continue;
      }
      switch (r.effect()) {
        case FORBID -> {
          if (r.exempt(facts)) {
            note(r, true, "matched, but exempt: unless holds");
          } else {
            note(r, true, "matched: forbids");
            forbid = forbid == null ? r : forbid;
            if (trace == null) {
              return false;
            }
          }
        }
        case STEP_UP -> {
          if (r.exempt(facts)) {
            note(r, true, "matched, but satisfied: unless holds");
          } else {
            if (trace != null) {
              note(
                  r, true, "matched: needs " + Rule.firstFailing(r.unless(), facts).failure(facts));
            }
            stepUp = stepUp == null ? r : stepUp;
          }
        }
        case PERMIT -> {
          Condition failing = Rule.firstFailing(r.require(), facts);
          if (failing == null) {
            note(r, true, "matched: permits");
            permits = add(permits, r);
          } else {
            if (trace != null) {
              note(r, true, "matched, but " + failing.failure(facts) + ": a step-up would permit");
            }
            if (unmet == null) {
              unmet = r;
              unmetCondition = failing;
            }
          }
        }
        case OBLIGE -> {
          if (trace != null) {
            note(r, true, "matched: obliges " + codes(r.obligations()));
          }
          obligers = add(obligers, r);
        }
      }
    }
    return true;
  }

  Decision decision(AccessRequest request, Optional<WorkspaceRole> role) {
    if (forbid != null) {
      return new Decision.Deny(forbid.reason(), List.of(forbid.id()));
    }
    if (permits == null && unmet == null) {
      return new Decision.Deny(defaultReason(request, role), List.of("default-deny"));
    }
    if (stepUp != null) {
      return new Decision.StepUp(
          stepUp.reason(),
          ids(List.of(stepUp), permits),
          demandsPhishingResistance(stepUp.unless()));
    }
    if (permits == null) {
      return new Decision.StepUp(
          unmet.reason()
              + " (needs "
              + unmetCondition.attribute.path()
              + " "
              + unmetCondition.written
              + ")",
          List.of(unmet.id()),
          unmetCondition.attribute == Attribute.SUBJECT_PHISHING_RESISTANT);
    }
    EnumSet<Obligation> obligations = EnumSet.noneOf(Obligation.class);
    for (Rule r : permits) {
      obligations.addAll(r.obligations());
    }
    if (obligers != null) {
      for (Rule r : obligers) {
        obligations.addAll(r.obligations());
      }
    }
    return new Decision.Permit(
        permits.get(0).reason(), ids(permits, obligers), List.copyOf(obligations));
  }

  /**
   * Whether the conditions that keep a step-up in force include phishing resistance: then proving
   * TOTP or a recovery code would not satisfy the rule, and the client should be told so.
   */
  private boolean demandsPhishingResistance(Condition[] unless) {
    for (Condition c : unless) {
      if (c.attribute == Attribute.SUBJECT_PHISHING_RESISTANT && !c.test(facts)) {
        return true;
      }
    }
    return false;
  }

  /** The reason of a deny no rule spoke to, as specific as the request allows. */
  private static String defaultReason(AccessRequest request, Optional<WorkspaceRole> role) {
    if (request.context().subject().isEmpty()) {
      return "authentication required";
    }
    String action = request.action().code();
    if (request.resource().workspace().isPresent()) {
      return role.map(r -> "workspace role " + r.code() + " does not permit " + action)
          .orElse("not a member of this workspace");
    }
    return action + " on " + request.resource().type() + " is not permitted";
  }

  private void note(Rule r, boolean matched, String why) {
    if (trace != null) {
      trace.add(
          new RuleTrace(r.id(), r.effect().code(), r.source() + ":" + r.line(), matched, why));
    }
  }

  private static List<Rule> add(List<Rule> list, Rule r) {
    List<Rule> l = list == null ? new ArrayList<>(2) : list;
    l.add(r);
    return l;
  }

  private static List<String> ids(List<Rule> first, List<Rule> second) {
    List<String> out = new ArrayList<>();
    if (first != null) {
      first.forEach(r -> out.add(r.id()));
    }
    if (second != null) {
      second.forEach(r -> out.add(r.id()));
    }
    return out;
  }

  private static List<String> codes(List<Obligation> obligations) {
    return obligations.stream().map(Obligation::code).toList();
  }
}
