package io.cordon.policy;

import java.util.List;

/**
 * A decision with its reasons: every rule the index offered for the request, whether it matched,
 * and why (the first condition that failed, or what the match did).
 *
 * @param policyVersion the version of the policy that decided
 */
public record Explanation(Decision decision, String policyVersion, List<RuleTrace> rules) {
  public Explanation {
    rules = List.copyOf(rules);
  }

  /**
   * One rule considered for the request.
   *
   * @param effect {@code permit}, {@code forbid}, {@code step-up} or {@code oblige}
   * @param source the document and line it was written at ({@code cdmo-default.yaml:42})
   * @param matched whether its {@code when} conditions held
   */
  public record RuleTrace(String id, String effect, String source, boolean matched, String why) {}
}
