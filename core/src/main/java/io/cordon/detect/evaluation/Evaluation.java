package io.cordon.detect.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Scores alerts against a truth file, one alert at a time (docs/simulation.md, "Evaluation"):
 *
 * <ul>
 *   <li>An alert <em>matches</em> a scenario when it names one of the scenario's users or addresses
 *       and its time lies in [start, end + grace] (grace is one hour for bursty scenarios and 24
 *       hours for the others unless overridden), or when its evidence holds one of the scenario's
 *       events and its time is not before the start. An alert before the start never matches.
 *   <li>It <em>detects</em> the scenario when it also has at least the minimum severity (medium by
 *       default). Time to detect is the earliest detecting alert's time minus the start.
 *   <li>An alert that names only an account the scenario targeted (a sprayed username) is excused:
 *       not false, but not a detection either.
 *   <li>A <em>false alert</em> has at least the minimum severity and matches and is excused by no
 *       scenario. Duplicates count once each; alerts about unknown users are false.
 * </ul>
 *
 * Memory holds the truth and one counter per scenario, whatever the number of alerts. Not
 * thread-safe.
 */
public final class Evaluation implements Consumer<Alert> {
  /** How alerts are scored: the least severity that counts, and an optional fixed grace. */
  public record Options(Severity minSeverity, Optional<Duration> grace) {
    public Options {
      if (minSeverity == null || grace == null) {
        throw new IllegalArgumentException("options need a severity and a grace (or empty)");
      }
      if (grace.isPresent() && grace.get().isNegative()) {
        throw new IllegalArgumentException("grace must not be negative");
      }
    }

    public static Options defaults() {
      return new Options(Severity.MEDIUM, Optional.empty());
    }
  }

  private final Truth truth;
  private final Options options;
  private final Map<String, List<Integer>> byUser = new HashMap<>();
  private final Map<String, List<Integer>> byIp = new HashMap<>();
  private final Map<String, List<Integer>> byTarget = new HashMap<>();
  private final Map<Long, List<Integer>> byEvent = new HashMap<>();
  private final Instant[] firstDetection;
  private final Map<String, Long> falseByDetector = new TreeMap<>();
  private long alerts;
  private long belowSeverity;
  private long detecting;
  private long excused;
  private long falseAlerts;

  public Evaluation(Truth truth, Options options) {
    this.truth = truth;
    this.options = options;
    this.firstDetection = new Instant[truth.scenarios().size()];
    for (int i = 0; i < truth.scenarios().size(); i++) {
      LabelledScenario s = truth.scenarios().get(i);
      for (String u : s.users()) {
        byUser.computeIfAbsent(u, k -> new ArrayList<>()).add(i);
      }
      for (String ip : s.ips()) {
        byIp.computeIfAbsent(ip, k -> new ArrayList<>()).add(i);
      }
      for (long seq : s.events()) {
        byEvent.computeIfAbsent(seq, k -> new ArrayList<>()).add(i);
      }
      for (String t : s.targets()) {
        byTarget.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
      }
    }
  }

  @Override
  public void accept(Alert a) {
    alerts++;
    boolean counts = a.severity().isAtLeast(options.minSeverity());
    if (!counts) {
      belowSeverity++;
    }
    boolean matched = false;
    for (int i : candidates(a, byUser, byIp)) {
      if (inWindow(i, a.time())) {
        matched = true;
        detect(i, a, counts);
      }
    }
    for (long seq : a.events()) {
      for (int i : byEvent.getOrDefault(seq, List.of())) {
        if (!a.time().isBefore(truth.scenarios().get(i).start())) {
          matched = true;
          detect(i, a, counts);
        }
      }
    }
    if (!counts) {
      return;
    }
    if (matched) {
      detecting++;
      return;
    }
    for (int i : candidates(a, byTarget, Map.of())) {
      if (inWindow(i, a.time())) {
        excused++;
        return;
      }
    }
    falseAlerts++;
    falseByDetector.merge(a.detector(), 1L, Long::sum);
  }

  private void detect(int scenario, Alert a, boolean counts) {
    if (counts
        && (firstDetection[scenario] == null || a.time().isBefore(firstDetection[scenario]))) {
      firstDetection[scenario] = a.time();
    }
  }

  private static List<Integer> candidates(
      Alert a, Map<String, List<Integer>> users, Map<String, List<Integer>> ips) {
    List<Integer> out = new ArrayList<>();
    a.user().map(users::get).ifPresent(out::addAll);
    a.ip().map(ips::get).ifPresent(out::addAll);
    return out;
  }

  private boolean inWindow(int i, Instant t) {
    LabelledScenario s = truth.scenarios().get(i);
    Duration grace =
        options.grace().orElse(s.bursty() ? Duration.ofHours(1) : Duration.ofHours(24));
    return !t.isBefore(s.start()) && !t.isAfter(s.end().plus(grace));
  }

  /** The scores so far. */
  public EvaluationReport report() {
    Map<String, List<Integer>> byType = new TreeMap<>();
    for (int i = 0; i < truth.scenarios().size(); i++) {
      byType.computeIfAbsent(truth.scenarios().get(i).type(), k -> new ArrayList<>()).add(i);
    }
    List<EvaluationReport.TypeScore> types = new ArrayList<>();
    List<Duration> bursty = new ArrayList<>();
    long detected = 0;
    for (Map.Entry<String, List<Integer>> e : byType.entrySet()) {
      List<Duration> delays = new ArrayList<>();
      boolean isBursty = false;
      for (int i : e.getValue()) {
        LabelledScenario s = truth.scenarios().get(i);
        isBursty |= s.bursty();
        if (firstDetection[i] != null) {
          Duration d = Duration.between(s.start(), firstDetection[i]);
          delays.add(d);
          if (s.bursty()) {
            bursty.add(d);
          }
        }
      }
      detected += delays.size();
      types.add(
          new EvaluationReport.TypeScore(
              e.getKey(),
              isBursty,
              e.getValue().size(),
              delays.size(),
              (double) delays.size() / e.getValue().size(),
              median(delays)));
    }
    return new EvaluationReport(
        truth.users(),
        truth.days(),
        truth.userDays(),
        options.minSeverity(),
        types,
        truth.scenarios().size(),
        detected,
        alerts,
        belowSeverity,
        detecting,
        excused,
        falseAlerts,
        falseAlerts * 1000.0 / truth.userDays(),
        median(bursty),
        falseByDetector);
  }

  static Optional<Duration> median(List<Duration> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    if (n % 2 == 1) {
      return Optional.of(sorted.get(n / 2));
    }
    return Optional.of(sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2));
  }
}
