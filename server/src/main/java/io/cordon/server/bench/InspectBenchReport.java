package io.cordon.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The result of {@code cordon bench inspect}: detector-pass and baseline-regex rates per run (MB =
 * 10^6 bytes of ASCII text, one core), their medians and ratio, as a table and one JSON line.
 * Immutable.
 *
 * @param chars characters scanned per run
 * @param runs measured runs
 * @param detectorRuns detector pass MB/s, each run
 * @param baselineRuns single-regex pass MB/s, each run
 * @param findings findings in the last run
 * @param goal the detector pass's goal in MB/s
 * @param mixed the mixed document set's figures (with extraction), when measured
 */
public record InspectBenchReport(
    long chars,
    int runs,
    List<Double> detectorRuns,
    List<Double> baselineRuns,
    long findings,
    double goal,
    Optional<MixedResult> mixed) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A report without the mixed document set. */
  public InspectBenchReport(
      long chars,
      int runs,
      List<Double> detectorRuns,
      List<Double> baselineRuns,
      long findings,
      double goal) {
    this(chars, runs, detectorRuns, baselineRuns, findings, goal, Optional.empty());
  }

  public InspectBenchReport {
    detectorRuns = List.copyOf(detectorRuns);
    baselineRuns = List.copyOf(baselineRuns);
    java.util.Objects.requireNonNull(mixed, "mixed");
    if (detectorRuns.isEmpty() || baselineRuns.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one run");
    }
  }

  public double detectorMbps() {
    return BenchReport.median(detectorRuns);
  }

  public double baselineMbps() {
    return BenchReport.median(baselineRuns);
  }

  public double ratio() {
    return detectorMbps() / baselineMbps();
  }

  public boolean passes() {
    return detectorMbps() >= goal;
  }

  public String table() {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            Locale.ROOT,
            "cordon bench inspect: %.1f MB of plain text, median of %d run%s, per core"
                + " (thread CPU time), MB = 10^6 bytes%n",
            chars / 1e6,
            runs,
            runs == 1 ? "" : "s"));
    String row = "%-34s %10s %7s %8s  %s%n";
    t.append(String.format(Locale.ROOT, row, "pass", "MB/s", "ratio", "goal", "result"));
    t.append(
        String.format(
            Locale.ROOT,
            row,
            "detectors (23 types, windowed)",
            String.format(Locale.ROOT, "%.1f", detectorMbps()),
            String.format(Locale.ROOT, "%.2f", ratio()),
            String.format(Locale.ROOT, "%.0f", goal),
            passes() ? "pass" : "FAIL"));
    t.append(
        String.format(
            Locale.ROOT,
            row,
            "baseline: one regex \\d{3}-\\d{2}-\\d{4}",
            String.format(Locale.ROOT, "%.1f", baselineMbps()),
            "1.00",
            "",
            ""));
    mixed.ifPresent(
        m ->
            t.append(
                String.format(
                    Locale.ROOT,
                    row,
                    "mixed documents, with extraction",
                    String.format(Locale.ROOT, "%.1f", m.textMbps()),
                    String.format(Locale.ROOT, "%.2f", m.textMbps() / baselineMbps()),
                    "",
                    String.format(
                        Locale.ROOT,
                        "%d PDF/DOCX/XLSX/HTML/zip, %.1f MB of files at %.1f MB/s, process CPU%s",
                        m.documents(),
                        m.bytes() / 1e6,
                        m.documentMbps(),
                        m.incomplete() == 0 ? "" : ", " + m.incomplete() + " not complete"))));
    return t.toString();
  }

  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("bench", "inspect");
    root.put("chars", chars);
    root.put("runs", runs);
    root.put("detectorMbps", round(detectorMbps()));
    root.put("baselineMbps", round(baselineMbps()));
    root.put("ratio", Math.round(ratio() * 1000) / 1000.0);
    root.put("findings", findings);
    root.put("goalMbps", goal);
    root.put("pass", passes());
    var d = root.putArray("detectorRunsMbps");
    detectorRuns.forEach(v -> d.add(round(v)));
    var b = root.putArray("baselineRunsMbps");
    baselineRuns.forEach(v -> b.add(round(v)));
    mixed.ifPresent(
        m -> {
          ObjectNode n = root.putObject("mixed");
          n.put("documents", m.documents());
          n.put("bytes", m.bytes());
          n.put("textChars", m.textChars());
          n.put("documentMbps", round(m.documentMbps()));
          n.put("textMbps", round(m.textMbps()));
          n.put("ratio", Math.round(m.textMbps() / baselineMbps() * 1000) / 1000.0);
          n.put("incomplete", m.incomplete());
          n.put("clock", "process-cpu");
        });
    root.put("java", Runtime.version().toString());
    root.put("cpus", Runtime.getRuntime().availableProcessors());
    return root.toString();
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
