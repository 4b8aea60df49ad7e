package io.cordon.detect.evaluation;

import java.util.List;

/**
 * A truth file: the world's size (for the false-alert rate) and its scenarios in file order.
 *
 * @param users simulated users
 * @param days simulated days
 * @param userDays users × days, the denominator of false alerts per 1,000 user-days
 */
public record Truth(long users, long days, long userDays, List<LabelledScenario> scenarios) {
  public Truth {
    if (userDays <= 0) {
      throw new IllegalArgumentException("the world has no user-days");
    }
    scenarios = List.copyOf(scenarios);
  }
}
