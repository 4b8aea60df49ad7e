package io.cordon.policy;

/** One reason a policy document was rejected, at a line of a source (1-based). */
public record PolicyProblem(String source, int line, String reason) {
  @Override
  public String toString() {
    return source + ":" + line + ": " + reason;
  }
}
