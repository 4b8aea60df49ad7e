package io.cordon.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of {@code cordon bench audit}, as a table for people and one JSON line for scripts.
 * Append rates are medians over the runs; the ratio is the trail's median over the baseline's.
 * Proof times are percentiles of the timed proofs. Immutable.
 *
 * @param options what was measured
 * @param appendRuns durable appends per second with hashing, each run
 * @param baselineRuns the same inserts without hashing, each run
 * @param inlineIndexedRuns the same inserts without hashing into a table that maintains the search
 *     indexes on every insert (the trail's path before they moved behind it)
 * @param searchIndexPerSecond events per second the background indexer copies into the search table
 * @param eventsPerCommit median over the runs of events per durable commit (group commit's batch)
 * @param trailSize events in the trail that was verified and proved
 * @param verifyPerSecond events per second of the full verification
 * @param treeLoadPerSecond events per second of a node loading its tree at start
 * @param proofMillis each timed inclusion proof, in milliseconds
 */
public record AuditBenchReport(
    AuditBenchmark.Options options,
    List<Double> appendRuns,
    List<Double> baselineRuns,
    List<Double> inlineIndexedRuns,
    double searchIndexPerSecond,
    double eventsPerCommit,
    long trailSize,
    double verifyPerSecond,
    double treeLoadPerSecond,
    List<Double> proofMillis) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public AuditBenchReport {
    appendRuns = List.copyOf(appendRuns);
    baselineRuns = List.copyOf(baselineRuns);
    inlineIndexedRuns = List.copyOf(inlineIndexedRuns);
    proofMillis = List.copyOf(proofMillis);
    if (appendRuns.isEmpty() || baselineRuns.isEmpty() || proofMillis.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one run and one proof");
    }
  }

  public double appendsPerSecond() {
    return BenchReport.median(appendRuns);
  }

  public double baselinePerSecond() {
    return BenchReport.median(baselineRuns);
  }

  public double ratio() {
    return appendsPerSecond() / baselinePerSecond();
  }

  /** The {@code p}-th percentile (0–100) of the proof times, nearest rank. */
  public double proofPercentileMs(double p) {
    List<Double> sorted = new ArrayList<>(proofMillis);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1));
  }

  /** The table for people, several lines, each ending with a newline. */
  public String table() {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            Locale.ROOT,
            "cordon bench audit: SQLite (WAL, synchronous=FULL), %d writers, %d events per run,"
                + " median of %d runs; trail of %d events%n",
            options.writers(),
            options.events(),
            options.runs(),
            trailSize));
    String row = "%-34s %14s %14s %7s %12s  %s%n";
    t.append(
        String.format(Locale.ROOT, row, "measure", "value", "baseline", "ratio", "goal", "result"));
    t.append(
        String.format(
            Locale.ROOT,
            row,
            "durable appends/s (hashed)",
            count(appendsPerSecond()),
            count(baselinePerSecond()),
            String.format(Locale.ROOT, "%.2f", ratio()),
            ">= " + count(AuditBenchmark.APPEND_GOAL) + ", " + AuditBenchmark.RATIO_GOAL,
            verdict(
                appendsPerSecond() >= AuditBenchmark.APPEND_GOAL
                    && ratio() >= AuditBenchmark.RATIO_GOAL)));
    t.append(
        String.format(
            Locale.ROOT,
            row,
            "  no hashing, indexes inline (old)",
            count(BenchReport.median(inlineIndexedRuns)),
            "",
            "",
            "",
            ""));
    t.append(
        String.format(
            Locale.ROOT,
            row,
            "search indexing behind, events/s",
            count(searchIndexPerSecond),
            "",
            "",
            "",
            ""));
    t.append(
        String.format(
            Locale.ROOT,
            row,
            "verify events/s (chain+tree+sigs)",
            count(verifyPerSecond),
            "",
            "",
            ">= " + count(AuditBenchmark.VERIFY_GOAL),
            verdict(verifyPerSecond >= AuditBenchmark.VERIFY_GOAL)));
    t.append(
        String.format(
            Locale.ROOT,
            row,
            "tree load at start, events/s",
            count(treeLoadPerSecond),
            "",
            "",
            "",
            ""));
    for (double p : new double[] {50, 99, 100}) {
      double ms = proofPercentileMs(p);
      t.append(
          String.format(
              Locale.ROOT,
              row,
              String.format(Locale.ROOT, "inclusion proof p%.0f, ms", p),
              String.format(Locale.ROOT, "%.3f", ms),
              "",
              "",
              p == 99 ? "< " + AuditBenchmark.PROOF_GOAL_MS : "",
              p == 99 ? verdict(ms < AuditBenchmark.PROOF_GOAL_MS) : ""));
    }
    return t.toString();
  }

  /** The machine-readable result: one line of JSON, no newline. */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("bench", "audit");
    root.put("database", "sqlite");
    root.put("writers", options.writers());
    root.put("eventsPerRun", options.events());
    root.put("runs", options.runs());
    root.put("appendsPerSecond", Math.round(appendsPerSecond()));
    root.put("baselinePerSecond", Math.round(baselinePerSecond()));
    root.put("ratio", Math.round(ratio() * 1000) / 1000.0);
    root.put("eventsPerCommit", Math.round(eventsPerCommit * 10) / 10.0);
    runs(root.putArray("appendRuns"), appendRuns);
    runs(root.putArray("baselineRuns"), baselineRuns);
    root.put("inlineIndexedPerSecond", Math.round(BenchReport.median(inlineIndexedRuns)));
    runs(root.putArray("inlineIndexedRuns"), inlineIndexedRuns);
    root.put("searchIndexPerSecond", Math.round(searchIndexPerSecond));
    root.put("trailSize", trailSize);
    root.put("verifyPerSecond", Math.round(verifyPerSecond));
    root.put("treeLoadPerSecond", Math.round(treeLoadPerSecond));
    root.put("proofs", proofMillis.size());
    root.put("proofP50Ms", micros(proofPercentileMs(50)));
    root.put("proofP99Ms", micros(proofPercentileMs(99)));
    root.put("proofMaxMs", micros(proofPercentileMs(100)));
    ObjectNode goals = root.putObject("goals");
    goals.put("appendsPerSecond", AuditBenchmark.APPEND_GOAL);
    goals.put("ratio", AuditBenchmark.RATIO_GOAL);
    goals.put("verifyPerSecond", AuditBenchmark.VERIFY_GOAL);
    goals.put("proofP99Ms", AuditBenchmark.PROOF_GOAL_MS);
    root.put(
        "pass",
        appendsPerSecond() >= AuditBenchmark.APPEND_GOAL
            && ratio() >= AuditBenchmark.RATIO_GOAL
            && verifyPerSecond >= AuditBenchmark.VERIFY_GOAL
            && proofPercentileMs(99) < AuditBenchmark.PROOF_GOAL_MS);
    root.put("java", Runtime.version().toString());
    root.put("cpus", Runtime.getRuntime().availableProcessors());
    return root.toString();
  }

  private static void runs(ArrayNode array, List<Double> values) {
    values.forEach(v -> array.add(Math.round(v)));
  }

  private static double micros(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }

  private static String count(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String verdict(boolean pass) {
    return pass ? "pass" : "FAIL";
  }
}
