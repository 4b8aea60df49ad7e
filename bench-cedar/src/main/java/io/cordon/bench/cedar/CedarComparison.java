package io.cordon.bench.cedar;

import com.cedarpolicy.AuthorizationEngine;
import com.cedarpolicy.model.policy.Policy;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.bench.cedar.CedarQuestions.Question;
import io.cordon.policy.AttributePolicyEngine;
import io.cordon.policy.PolicySet;
import io.cordon.policy.PolicySource;
import io.cordon.server.bench.GeneratedPolicy;
import io.cordon.server.bench.PolicyBenchmark;
import io.cordon.server.bench.PolicyBenchmark.Workload;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * Cordon's attribute-based engine and AWS Cedar (cedar-java 4.10.0) on equivalent policies and the
 * same requests, in one run: the default CDMO set plus 100 and 10,000 generated rules ({@link
 * GeneratedPolicy}), translated by {@link CedarTranslation}, asked the 4,096 questions of {@code
 * cordon bench policy}. First every question goes to both engines and the answers are compared
 * ({@link Agreement}); then each engine is measured as {@code cordon bench policy} measures:
 * warm-up, decisions per CPU second of the measuring thread (Cedar's Rust code runs on that thread
 * too), and p50/p99 of single calls.
 *
 * <p>Cedar rows: {@code cedar-boundary} asks a cached one-policy set (the cost of crossing: JSON
 * out, JNI, entity and request parsing in Rust, JSON back), {@code cedar} the allow/deny question
 * on the translated set, {@code cedar+obligations} also the obligations question when allowed.
 * Cedar's own evaluation is estimated as the difference of {@code cedar} and {@code cedar-boundary}
 * per decision (the Java binding reports no timing).
 *
 * <p>Run: {@code scripts/bench-cedar.sh [--seconds 3] [--json-only]}.
 */
public final class CedarComparison {
  static final int REQUESTS = PolicyBenchmark.REQUESTS;
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CedarComparison() {}

  /** One engine's figures. */
  record Row(
      String engine,
      int rules,
      double perSecond,
      double perWallSecond,
      double p50Micros,
      double p99Micros) {}

  /** Both engines on one policy size, ready to ask. */
  record Setup(
      int generated,
      AttributePolicyEngine cordon,
      int cordonRules,
      CedarTranslation.Translated translated,
      CedarEngine cedar,
      Workload workload,
      Question[] questions,
      double cedarParseMillis) {

    static Setup of(int generated) {
      List<PolicySource> sources = new ArrayList<>(PolicySet.defaultSources());
      sources.addAll(GeneratedPolicy.generate(generated, 42));
      PolicySet set = PolicySet.compile(sources);
      AttributePolicyEngine cordon =
          new AttributePolicyEngine(set, Clock.fixed(NOW, ZoneOffset.UTC));
      CedarTranslation.Translated t = CedarTranslation.translate(sources);
      Workload w = Workload.of(GeneratedPolicy.workspaces(generated), 7);
      Question[] questions = new Question[REQUESTS];
      for (int i = 0; i < REQUESTS; i++) {
        questions[i] = CedarQuestions.of(w.requests()[i], w.roles()[i], NOW);
      }
      long c0 = System.nanoTime();
      CedarEngine cedar = new CedarEngine(t);
      double cedarMillis = (System.nanoTime() - c0) / 1e6;
      return new Setup(generated, cordon, set.ruleCount(), t, cedar, w, questions, cedarMillis);
    }
  }

  public static void main(String[] args) {
    double seconds = 3;
    boolean jsonOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--json-only" -> jsonOnly = true;
        default -> {
          System.err.println("usage: bench-cedar [--seconds N] [--json-only]");
          System.exit(2);
        }
      }
    }
    PrintWriter progress =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.out.println(run(seconds, progress, jsonOnly));
  }

  public static String run(double seconds, PrintWriter progress, boolean jsonOnly) {
    CedarLibrary.load();
    progress.println("Cedar language " + AuthorizationEngine.getCedarLangVersion());
    List<Row> rows = new ArrayList<>();
    Map<Integer, Agreement> agreements = new java.util.TreeMap<>();
    CedarEngine boundary =
        new CedarEngine(
            List.of(new Policy("permit (principal, action, resource) when { false };", "none")),
            List.of(),
            Map.of());
    long checksum = 0;
    for (int size : new int[] {100, 10_000}) {
      long t0 = System.nanoTime();
      Setup s = Setup.of(size);
      progress.printf(
          Locale.ROOT,
          "%d Cordon rules; %d translated to Cedar (%d decision, %d obligation policies), %d"
              + " skipped (not about files); set up in %.0f ms, of which Cedar parsing its sets %.0f"
              + " ms%n",
          s.cordonRules(),
          s.translated().rulesSeen() - s.translated().skipped(),
          s.translated().decisions().size(),
          s.translated().obligations().size(),
          s.translated().skipped(),
          (System.nanoTime() - t0) / 1e6,
          s.cedarParseMillis());
      // Every question at 100 rules; every 8th at 10,000, where each Cedar call takes milliseconds.
      Agreement a =
          Agreement.check(
              s.cordon(),
              s.cedar(),
              s.translated().stepUpIds(),
              s.workload(),
              s.questions(),
              size > 1000 ? 8 : 1);
      agreements.put(s.cordonRules(), a);
      progress.printf(
          Locale.ROOT,
          "agreement on %d questions (%d permit, %d deny, %d step-up by Cordon): %d disagreements,"
              + " %d Cedar evaluation errors%n",
          a.compared(),
          a.permits(),
          a.denies(),
          a.stepUps(),
          a.disagreements(),
          a.cedarErrors());
      a.examples().forEach(e -> progress.println("  " + e));
      Workload w = s.workload();
      Question[] q = s.questions();
      int rules = s.cordonRules();
      checksum +=
          measure(
              "cordon",
              rules,
              i -> s.cordon().decide(w.requests()[i], w.roles()[i]).rules().size(),
              seconds,
              rows,
              progress);
      checksum +=
          measure(
              "cedar-boundary",
              1,
              i -> boundary.decide(q[i]).isAllowed() ? 1 : 0,
              seconds,
              rows,
              progress);
      checksum +=
          measure(
              "cedar",
              rules,
              i -> s.cedar().decide(q[i]).getReason().size(),
              seconds,
              rows,
              progress);
      if (size <= 1000) {
        // What the policy-set cache buys: the same set sent as policy text with every call.
        CedarEngine uncached = CedarEngine.uncached(s.translated());
        checksum +=
            measure(
                "cedar-uncached",
                rules,
                i -> uncached.decide(q[i]).getReason().size(),
                seconds,
                rows,
                progress);
      }
      checksum +=
          measure(
              "cedar+obligations",
              rules,
              i -> s.cedar().decideWithObligations(q[i]).obligations().size(),
              seconds,
              rows,
              progress);
    }
    progress.println("checksum " + checksum);
    return report(rows, agreements, jsonOnly);
  }

  private static long measure(
      String name,
      int rules,
      IntToLongFunction decide,
      double seconds,
      List<Row> rows,
      PrintWriter progress) {
    // The clock is read every 64 calls, not every 4,096 as in `cordon bench policy`: a Cedar call
    // at 10,000 policies takes tens of milliseconds, so a whole pass over the questions would not.
    long sum = 0;
    long nanos = (long) (seconds * 1e9);
    long warm = System.nanoTime();
    for (int i = 0; System.nanoTime() - warm < nanos; ) {
      for (int k = 0; k < 64; k++, i = (i + 1) & (REQUESTS - 1)) {
        sum += decide.applyAsLong(i);
      }
    }
    long start = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    long n = 0;
    for (int i = 0; System.nanoTime() - start < nanos; ) {
      for (int k = 0; k < 64; k++, i = (i + 1) & (REQUESTS - 1)) {
        sum += decide.applyAsLong(i);
      }
      n += 64;
    }
    // Per CPU second of this thread: on a shared machine, wall time counts other processes' turns.
    double perSecond = n / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    double perWallSecond = n / ((System.nanoTime() - start) / 1e9);
    // As many single calls as the throughput run made (at least 256), a stride through the
    // questions.
    long[] samples = new long[(int) Math.min(2_000_000, Math.max(256, perSecond * seconds))];
    for (int i = 0; i < samples.length; i++) {
      int k = (int) ((i * 17L) & (REQUESTS - 1));
      long a = System.nanoTime();
      sum += decide.applyAsLong(k);
      samples[i] = System.nanoTime() - a;
    }
    Arrays.sort(samples);
    Row row =
        new Row(
            name,
            rules,
            perSecond,
            perWallSecond,
            samples[samples.length / 2] / 1e3,
            samples[(int) (samples.length * 0.99)] / 1e3);
    rows.add(row);
    progress.printf(
        Locale.ROOT,
        "%-18s %6d rules  %,12.0f decisions/s  p50 %.2f µs  p99 %.2f µs%n",
        name,
        rules,
        row.perSecond(),
        row.p50Micros(),
        row.p99Micros());
    return sum;
  }

  static String report(List<Row> rows, Map<Integer, Agreement> agreements, boolean jsonOnly) {
    StringBuilder table = new StringBuilder();
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("bench", "policy-cedar");
    root.put("cedarJava", "4.10.0");
    root.put("cedarLanguage", AuthorizationEngine.getCedarLangVersion());
    ArrayNode results = root.putArray("results");
    table.append(
        String.format(
            Locale.ROOT,
            "%-18s %7s %16s %10s %10s %14s%n",
            "engine",
            "rules",
            "decisions/cpu-s",
            "p50 µs",
            "p99 µs",
            "cordon faster"));
    double cordon = 0;
    double boundary = 0;
    for (Row r : rows) {
      switch (r.engine()) {
        case "cordon" -> cordon = r.perSecond();
        case "cedar-boundary" -> boundary = r.perSecond();
        default -> {}
      }
      double ratio = r.engine().equals("cordon") ? 1 : cordon / r.perSecond();
      table.append(
          String.format(
              Locale.ROOT,
              "%-18s %7d %,16.0f %10.2f %10.2f %13.1fx%n",
              r.engine(),
              r.rules(),
              r.perSecond(),
              r.p50Micros(),
              r.p99Micros(),
              ratio));
      ObjectNode o = results.addObject();
      o.put("engine", r.engine());
      o.put("rules", r.rules());
      o.put("decisionsPerCpuSecond", Math.round(r.perSecond()));
      o.put("decisionsPerWallSecond", Math.round(r.perWallSecond()));
      o.put("p50Micros", round(r.p50Micros()));
      o.put("p99Micros", round(r.p99Micros()));
      o.put("cordonFasterBy", round(ratio));
      if (r.engine().equals("cedar") && boundary > 0) {
        double evaluation = 1e6 / r.perSecond() - 1e6 / boundary;
        o.put("cedarEvaluationMicrosEstimate", round(evaluation));
        table.append(
            String.format(
                Locale.ROOT,
                "  of which Cedar's evaluation (cedar − cedar-boundary): ~%.2f µs/decision%n",
                evaluation));
      }
    }
    ArrayNode agree = root.putArray("agreement");
    agreements.forEach(
        (rules, a) -> {
          ObjectNode o = agree.addObject();
          o.put("rules", rules);
          o.put("compared", a.compared());
          o.put("cordonPermit", a.permits());
          o.put("cordonDeny", a.denies());
          o.put("cordonStepUp", a.stepUps());
          o.put("disagreements", a.disagreements());
          o.put("cedarErrors", a.cedarErrors());
          table.append(
              String.format(
                  Locale.ROOT,
                  "agreement at %d rules: %d of %d questions alike (%d disagreements)%n",
                  rules,
                  a.compared() - a.disagreements(),
                  a.compared(),
                  a.disagreements()));
        });
    return (jsonOnly ? "" : table.toString()) + root;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
