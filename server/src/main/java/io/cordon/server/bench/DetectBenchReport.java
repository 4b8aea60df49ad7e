package io.cordon.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The result of {@code cordon bench detect}: replay and parse-only rates per run (events per second
 * of thread CPU time), their medians and ratio, as a table and one JSON line. Immutable.
 */
public record DetectBenchReport(
    long events,
    int users,
    long bytes,
    int runs,
    List<Double> replayRuns,
    List<Double> parseRuns,
    long alerts,
    double goal) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public DetectBenchReport {
    replayRuns = List.copyOf(replayRuns);
    parseRuns = List.copyOf(parseRuns);
    if (replayRuns.isEmpty() || parseRuns.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one run");
    }
  }

  public double replayRate() {
    return BenchReport.median(replayRuns);
  }

  public double parseRate() {
    return BenchReport.median(parseRuns);
  }

  public double ratio() {
    return replayRate() / parseRate();
  }

  public boolean passes() {
    return replayRate() >= goal;
  }

  public String table() {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            Locale.ROOT,
            "cordon bench detect: %d events of %d users (%.1f MB), median of %d run%s, one"
                + " thread (thread CPU time)%n",
            events,
            users,
            bytes / 1e6,
            runs,
            runs == 1 ? "" : "s"));
    String row = "%-40s %12s %7s %10s  %s%n";
    t.append(String.format(Locale.ROOT, row, "pass", "events/s", "ratio", "goal", "result"));
    t.append(
        String.format(
            Locale.ROOT,
            row,
            "replay (parse + all detectors + merge)",
            String.format(Locale.ROOT, "%.0f", replayRate()),
            String.format(Locale.ROOT, "%.2f", ratio()),
            String.format(Locale.ROOT, "%.0f", goal),
            passes() ? "pass" : "FAIL"));
    t.append(
        String.format(
            Locale.ROOT,
            row,
            "baseline: parse only",
            String.format(Locale.ROOT, "%.0f", parseRate()),
            "1.00",
            "",
            ""));
    t.append(String.format(Locale.ROOT, "alerts in the last replay: %d%n", alerts));
    return t.toString();
  }

  public String json() {
    ObjectNode n = JSON.createObjectNode();
    n.put("benchmark", "detect");
    n.put("events", events);
    n.put("users", users);
    n.put("bytes", bytes);
    n.put("runs", runs);
    n.put("replayEventsPerSecond", Math.round(replayRate()));
    n.put("parseEventsPerSecond", Math.round(parseRate()));
    n.put("ratio", Math.round(ratio() * 1000) / 1000.0);
    n.put("alerts", alerts);
    n.put("goal", goal);
    n.put("passes", passes());
    return n.toString();
  }
}
