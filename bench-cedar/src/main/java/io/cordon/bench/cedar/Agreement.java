package io.cordon.bench.cedar;

import io.cordon.bench.cedar.CedarEngine.Outcome;
import io.cordon.bench.cedar.CedarQuestions.Question;
import io.cordon.policy.AttributePolicyEngine;
import io.cordon.policy.Decision;
import io.cordon.server.bench.PolicyBenchmark.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether Cordon and Cedar answer the same questions alike. Comparable: allowed or not (Cordon's
 * PERMIT against Cedar's Allow; Cordon's DENY and STEP_UP against Cedar's Deny, since Cedar cannot
 * say "allowed after a second factor") and, when both allow, the obligations. A STEP_UP counts as
 * agreeing only if Cedar's deny names one of the translated step-up rules. Not comparable: reasons
 * of a default deny (Cedar names no policy) and which factor a step-up needs.
 */
record Agreement(
    int compared,
    int permits,
    int denies,
    int stepUps,
    int allowDisagreements,
    int obligationDisagreements,
    int stepUpUnexplained,
    int cedarErrors,
    List<String> examples) {

  int disagreements() {
    return allowDisagreements + obligationDisagreements + stepUpUnexplained;
  }

  static Agreement check(
      AttributePolicyEngine cordon,
      CedarEngine cedar,
      Set<String> stepUpIds,
      Workload w,
      Question[] questions,
      int stride) {
    int permits = 0;
    int denies = 0;
    int stepUps = 0;
    int allowDiff = 0;
    int obligationDiff = 0;
    int stepUpUnexplained = 0;
    int errors = 0;
    List<String> examples = new ArrayList<>();
    int compared = 0;
    for (int i = 0; i < questions.length; i += stride) {
      compared++;
      Decision d = cordon.decide(w.requests()[i], w.roles()[i]);
      Outcome c = cedar.decideWithObligations(questions[i]);
      errors += c.errors();
      boolean allowed = d instanceof Decision.Permit;
      String problem = null;
      switch (d) {
        case Decision.Permit p -> {
          permits++;
          if (!c.allowed()) {
            allowDiff++;
            problem = "Cordon permits, Cedar denies";
          } else if (!Set.copyOf(p.obligations()).equals(c.obligations())) {
            obligationDiff++;
            problem = "obligations " + p.obligations() + " vs " + c.obligations();
          }
        }
        case Decision.Deny x -> denies++;
        case Decision.StepUp s -> {
          stepUps++;
          if (!c.allowed() && c.reasons().stream().noneMatch(stepUpIds::contains)) {
            stepUpUnexplained++;
            problem = "Cordon steps up (" + s.rules() + "), Cedar denies for " + c.reasons();
          }
        }
      }
      if (problem == null && !allowed && c.allowed()) {
        allowDiff++;
        problem = "Cordon " + d.getClass().getSimpleName() + ", Cedar allows";
      }
      if (problem != null && examples.size() < 10) {
        examples.add(
            String.format(
                Locale.ROOT,
                "#%d %s %s: %s (Cordon rules %s, Cedar reasons %s)",
                i,
                w.requests()[i].action().code(),
                w.requests()[i].resource().classification().code(),
                problem,
                d.rules(),
                c.reasons()));
      }
    }
    return new Agreement(
        compared,
        permits,
        denies,
        stepUps,
        allowDiff,
        obligationDiff,
        stepUpUnexplained,
        errors,
        List.copyOf(examples));
  }
}
