package io.cordon.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.context.CordonException;
import io.cordon.detect.evaluation.AlertReader;
import io.cordon.detect.evaluation.Evaluation;
import io.cordon.detect.evaluation.EvaluationReport;
import io.cordon.detect.evaluation.Severity;
import io.cordon.detect.evaluation.Truth;
import io.cordon.detect.evaluation.TruthReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cordon detect evaluate --truth T --alerts A}: scores alerts against a simulator's truth
 * file (docs/simulation.md, "Evaluation") and prints a table and one JSON line ({@code --json}: the
 * JSON line only). Exit 0 when scored, 1 with {@code --check-goals} when a goal is missed, 2 for a
 * missing or malformed file (the message names the line).
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Score alerts (API.md alert output) against labelled scenarios (a simulator's truth.jsonl):"
          + " recall per scenario type, false alerts per 1,000 user-days, median time to detect."
    })
public final class DetectEvaluateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--truth", required = true, paramLabel = "FILE", description = "truth.jsonl")
  Path truthFile;

  @Option(names = "--alerts", required = true, paramLabel = "FILE", description = "Alerts (JSONL).")
  Path alertsFile;

  @Option(names = "--json", description = "Print only the JSON line.")
  boolean json;

  @Option(
      names = "--min-severity",
      defaultValue = "medium",
      description = "Least severity that detects or counts as false (default ${DEFAULT-VALUE}).")
  String minSeverity;

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      description =
          "How long after a scenario's end an alert still matches (e.g. 30m); default 1h for"
              + " bursty scenarios, 24h for low-and-slow ones.")
  String grace;

  @Option(names = "--check-goals", description = "Exit 1 unless the issue's goals are met.")
  boolean checkGoals;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Evaluation.Options options = options();
    Truth truth;
    try (BufferedReader in = open(truthFile, "--truth")) {
      truth = TruthReader.read(truthFile.toString(), in);
    }
    Evaluation evaluation = new Evaluation(truth, options);
    try (BufferedReader in = open(alertsFile, "--alerts")) {
      AlertReader.read(alertsFile.toString(), in, evaluation);
    }
    EvaluationReport report = evaluation.report();
    PrintWriter out = spec.commandLine().getOut();
    if (!json) {
      printTable(out, report);
    }
    out.println(JSON.writeValueAsString(toJson(report)));
    out.flush();
    return checkGoals && !report.meetsGoals() ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }

  private Evaluation.Options options() {
    try {
      Optional<Duration> g =
          grace == null ? Optional.empty() : Optional.of(Durations.parse(grace, "--grace"));
      return new Evaluation.Options(Severity.fromCode(minSeverity.toLowerCase(Locale.ROOT)), g);
    } catch (IllegalArgumentException e) {
      throw new CordonException.InvalidInput("--min-severity: " + e.getMessage());
    }
  }

  private static BufferedReader open(Path file, String option) throws IOException {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new CordonException.InvalidInput(option + ": no such readable file: " + file);
    }
    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }

  static void printTable(PrintWriter out, EvaluationReport r) {
    out.printf(
        Locale.ROOT,
        "%-32s %9s %9s %7s %12s%n",
        "scenario type",
        "scenarios",
        "detected",
        "recall",
        "median TTD");
    for (EvaluationReport.TypeScore t : r.types()) {
      out.printf(
          Locale.ROOT,
          "%-32s %9d %9d %7.2f %12s%n",
          t.type() + (t.bursty() ? "" : " (slow)"),
          t.scenarios(),
          t.detected(),
          t.recall(),
          t.medianTimeToDetect().map(DetectEvaluateCommand::human).orElse("-"));
    }
    out.printf(
        Locale.ROOT,
        "%-32s %9d %9d %7.2f %12s%n",
        "all (bursty median)",
        r.scenarios(),
        r.detected(),
        r.recall(),
        r.burstyMedianTimeToDetect().map(DetectEvaluateCommand::human).orElse("-"));
    out.printf(
        Locale.ROOT,
        "alerts %d: %d below %s, %d detecting, %d on targeted accounts, %d false"
            + " = %.2f per 1,000 user-days (%d users x %d days)%n",
        r.alerts(),
        r.belowSeverity(),
        r.minSeverity().code(),
        r.detecting(),
        r.excused(),
        r.falseAlerts(),
        r.falseAlertsPer1000UserDays(),
        r.users(),
        r.days());
    if (!r.falseAlertsByDetector().isEmpty()) {
      out.println(
          "false alerts by detector: " + new java.util.TreeMap<>(r.falseAlertsByDetector()));
    }
    out.printf(
        Locale.ROOT,
        "goals: recall >= %.1f per type %s (min %.2f); <= %.0f false per 1,000 user-days %s;"
            + " bursty median TTD <= %d min %s%n",
        EvaluationReport.RECALL_GOAL,
        yes(r.meetsRecallGoal()),
        r.minRecall(),
        EvaluationReport.FALSE_ALERT_GOAL,
        yes(r.meetsFalseAlertGoal()),
        EvaluationReport.BURSTY_TTD_GOAL.toMinutes(),
        yes(r.meetsTimeToDetectGoal()));
  }

  static ObjectNode toJson(EvaluationReport r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("users", r.users());
    o.put("days", r.days());
    o.put("userDays", r.userDays());
    o.put("minSeverity", r.minSeverity().code());
    o.put("scenarios", r.scenarios());
    o.put("detected", r.detected());
    o.put("recall", round(r.recall()));
    o.put("minRecall", round(r.minRecall()));
    ObjectNode types = o.putObject("types");
    for (EvaluationReport.TypeScore t : r.types()) {
      ObjectNode n = types.putObject(t.type());
      n.put("bursty", t.bursty());
      n.put("scenarios", t.scenarios());
      n.put("detected", t.detected());
      n.put("recall", round(t.recall()));
      t.medianTimeToDetect().ifPresent(d -> n.put("medianTimeToDetectSeconds", seconds(d)));
    }
    r.burstyMedianTimeToDetect()
        .ifPresent(d -> o.put("burstyMedianTimeToDetectSeconds", seconds(d)));
    o.put("alerts", r.alerts());
    o.put("belowSeverity", r.belowSeverity());
    o.put("detecting", r.detecting());
    o.put("onTargetedAccounts", r.excused());
    o.put("falseAlerts", r.falseAlerts());
    o.put("falseAlertsPer1000UserDays", round(r.falseAlertsPer1000UserDays()));
    ObjectNode byDetector = o.putObject("falseAlertsByDetector");
    new java.util.TreeMap<>(r.falseAlertsByDetector()).forEach(byDetector::put);
    o.put("goalsMet", r.meetsGoals());
    return o;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  private static String yes(boolean met) {
    return met ? "met" : "MISSED";
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
  }
}
