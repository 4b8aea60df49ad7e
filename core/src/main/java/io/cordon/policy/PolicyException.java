package io.cordon.policy;

import io.cordon.context.CordonException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Policy documents that cannot be loaded: every problem found, each with its source and line. The
 * policy in force stays in force. Maps to invalid input (HTTP 400, CLI exit code 2).
 */
public final class PolicyException extends CordonException {
  private static final long serialVersionUID = 1L;
  private final transient List<PolicyProblem> problems;

  public PolicyException(List<PolicyProblem> problems) {
    super(
        "invalid-input",
        "policy rejected: "
            + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("; ")),
        null);
    this.problems = List.copyOf(problems);
  }

  public List<PolicyProblem> problems() {
    return problems;
  }
}
