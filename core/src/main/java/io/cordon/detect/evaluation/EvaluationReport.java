package io.cordon.detect.evaluation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of an evaluation, with the project's goals (issue 6): recall at least 0.9 for every
 * scenario type, at most one false alert per 1,000 user-days, and a median time to detect of at
 * most 15 minutes over the bursty scenarios.
 */
public record EvaluationReport(
    long users,
    long days,
    long userDays,
    Severity minSeverity,
    List<TypeScore> types,
    long scenarios,
    long detected,
    long alerts,
    long belowSeverity,
    long detecting,
    long excused,
    long falseAlerts,
    double falseAlertsPer1000UserDays,
    Optional<Duration> burstyMedianTimeToDetect,
    Map<String, Long> falseAlertsByDetector) {
  public static final double RECALL_GOAL = 0.9;
  public static final double FALSE_ALERT_GOAL = 1.0;
  public static final Duration BURSTY_TTD_GOAL = Duration.ofMinutes(15);

  public EvaluationReport {
    types = List.copyOf(types);
    falseAlertsByDetector = Map.copyOf(falseAlertsByDetector);
  }

  /** One scenario type's score. */
  public record TypeScore(
      String type,
      boolean bursty,
      int scenarios,
      int detected,
      double recall,
      Optional<Duration> medianTimeToDetect) {}

  public double recall() {
    return scenarios == 0 ? 0 : (double) detected / scenarios;
  }

  public double minRecall() {
    return types.stream().mapToDouble(TypeScore::recall).min().orElse(0);
  }

  public boolean meetsRecallGoal() {
    return !types.isEmpty() && minRecall() >= RECALL_GOAL;
  }

  public boolean meetsFalseAlertGoal() {
    return falseAlertsPer1000UserDays <= FALSE_ALERT_GOAL;
  }

  /** Met when no bursty scenario exists, else the median must be present and within the goal. */
  public boolean meetsTimeToDetectGoal() {
    boolean anyBursty = types.stream().anyMatch(TypeScore::bursty);
    return !anyBursty
        || burstyMedianTimeToDetect.map(d -> d.compareTo(BURSTY_TTD_GOAL) <= 0).orElse(false);
  }

  public boolean meetsGoals() {
    return meetsRecallGoal() && meetsFalseAlertGoal() && meetsTimeToDetectGoal();
  }
}
