package io.cordon.server.cli;

import io.cordon.server.bench.AuditBenchReport;
import io.cordon.server.bench.AuditBenchmark;
import io.cordon.server.bench.BenchReport;
import io.cordon.server.bench.ContentBenchmark;
import io.cordon.server.bench.PolicyBenchmark;
import io.cordon.server.config.DataSize;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cordon bench}: the project's end-to-end benchmarks. Each prints a table for people, then
 * exactly one line of JSON for scripts (alone with {@code --json-only}); progress goes to standard
 * error. A result below its goal is reported, not an error: the exit code is 0 whenever the
 * benchmark ran.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "End-to-end benchmarks.",
    subcommands = {
      BenchCommand.Content.class,
      BenchCommand.Audit.class,
      InspectBenchCommand.class,
      DetectBenchCommand.class,
      BenchCommand.Policy.class,
      CommandLine.HelpCommand.class
    })
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.BAD_INPUT;
  }

  /** {@code cordon bench content}: see {@link ContentBenchmark}. */
  @Command(
      name = "content",
      mixinStandardHelpOptions = true,
      description = {
        "Upload and download through the HTTPS API of a throwaway local installation, each as a"
            + " ratio to the same bytes over plain TLS on this machine in the same run (goal "
            + ContentBenchmark.GOAL
            + "), plus raw Tink StreamingAead rates. Needs about (runs + 2) x size of free disk"
            + " in the temporary directory."
      })
  public static final class Content implements Callable<Integer> {
    @Option(
        names = "--size",
        paramLabel = "SIZE",
        defaultValue = "1g",
        description =
            "Bytes per transfer: a number with an optional unit; k, m, g and t are binary here"
                + " (1g = 1 GiB). Default: ${DEFAULT-VALUE}.")
    String size;

    @Option(
        names = "--runs",
        paramLabel = "N",
        defaultValue = "3",
        description =
            "Measured runs per operation; the report holds medians. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(
        names = "--json-only",
        description = "Print only the JSON line (no table, no progress).")
    boolean jsonOnly;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      long bytes = parseSize(size);
      if (runs < 1 || runs > 100) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be 1 to 100");
      }
      PrintWriter progress =
          jsonOnly ? new PrintWriter(Writer.nullWriter()) : spec.commandLine().getErr();
      BenchReport report = ContentBenchmark.run(ContentBenchmark.Options.of(bytes, runs), progress);
      PrintWriter out = spec.commandLine().getOut();
      if (!jsonOnly) {
        out.print(report.table());
      }
      out.println(report.json());
      out.flush();
      return ExitCodes.OK;
    }

    private long parseSize(String text) {
      String t = text.strip();
      // The short units people type for a benchmark (1g, 512m) mean binary sizes.
      if (t.matches("(?i)\\d+\\s*[kmgt]")) {
        t = t + "iB";
      }
      long bytes =
          DataSize.parse(t)
              .map(DataSize::bytes)
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(), "--size: not a size: " + text));
      if (bytes < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--size must be positive");
      }
      return bytes;
    }
  }

  /** {@code cordon bench audit}: see {@link AuditBenchmark}. */
  @Command(
      name = "audit",
      mixinStandardHelpOptions = true,
      description = {
        "Durable audit appends per second on a throwaway SQLite database, group-committed from"
            + " concurrent writers, as a ratio to the same inserts without hashing in the same run;"
            + " then full verification (chain, Merkle tree, checkpoint signatures) and server-side"
            + " inclusion-proof times on a trail of --trail events. The default trail of 10m"
            + " events needs about 10 GB of temporary disk and a few minutes."
      })
  public static final class Audit implements Callable<Integer> {
    @Option(
        names = "--events",
        paramLabel = "N",
        defaultValue = "200000",
        description = "Events per measured append run and side. Default: ${DEFAULT-VALUE}.")
    String events;

    @Option(
        names = "--runs",
        paramLabel = "N",
        defaultValue = "3",
        description = "Measured append runs per side. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(
        names = "--writers",
        paramLabel = "N",
        defaultValue = "256",
        description = "Concurrent appending callers. Default: ${DEFAULT-VALUE}.")
    int writers;

    @Option(
        names = "--trail",
        paramLabel = "N",
        defaultValue = "10m",
        description =
            "Events in the trail to verify and prove (k and m are thousands and millions)."
                + " Default: ${DEFAULT-VALUE}.")
    String trail;

    @Option(
        names = "--proofs",
        paramLabel = "N",
        defaultValue = "2000",
        description = "Inclusion proofs to time. Default: ${DEFAULT-VALUE}.")
    int proofs;

    @Option(
        names = "--json-only",
        description = "Print only the JSON line (no table, no progress).")
    boolean jsonOnly;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      long perRun = count("--events", events, 1, 100_000_000L);
      long trailSize = count("--trail", trail, 1, 1_000_000_000L);
      requireRange("--runs", runs, 1, 100);
      requireRange("--writers", writers, 1, 10_000);
      requireRange("--proofs", proofs, 1, 1_000_000);
      PrintWriter progress =
          jsonOnly ? new PrintWriter(Writer.nullWriter()) : spec.commandLine().getErr();
      AuditBenchReport report =
          AuditBenchmark.run(
              new AuditBenchmark.Options(perRun, runs, writers, trailSize, proofs), progress);
      PrintWriter out = spec.commandLine().getOut();
      if (!jsonOnly) {
        out.print(report.table());
      }
      out.println(report.json());
      out.flush();
      return ExitCodes.OK;
    }

    /** A count such as 200000, 500k or 10m (decimal thousands and millions). */
    private long count(String option, String text, long min, long max) {
      Matcher m = Pattern.compile("(?i)(\\d{1,10})([km]?)").matcher(text.strip());
      if (!m.matches()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), option + ": not a count: " + text);
      }
      long unit =
          switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1_000L;
            case "m" -> 1_000_000L;
            default -> 1L;
          };
      long value = Long.parseLong(m.group(1)) * unit;
      if (value < min || value > max) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), option + " must be " + min + " to " + max);
      }
      return value;
    }

    private void requireRange(String option, int value, int min, int max) {
      if (value < min || value > max) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), option + " must be " + min + " to " + max);
      }
    }
  }

  /** {@code cordon bench policy}: see {@link PolicyBenchmark}. */
  @Command(
      name = "policy",
      mixinStandardHelpOptions = true,
      description = {
        "Policy decisions per second on one thread and p50/p99 latency with the default set plus"
            + " 100 and 10,000 generated rules, against a trivial engine and the first role-based"
            + " engine on the same requests in the same run (goal: 1,000,000/s, p99 <= 10 µs)."
      })
  public static final class Policy implements Callable<Integer> {
    @Option(
        names = "--seconds",
        paramLabel = "S",
        defaultValue = "2",
        description = "Warm-up and measuring time per engine and size. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(
        names = "--json-only",
        description = "Print only the JSON line (no table, no progress).")
    boolean jsonOnly;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if (!(seconds >= 0.1 && seconds <= 600)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--seconds: 0.1 to 600");
      }
      PrintWriter progress =
          jsonOnly ? new PrintWriter(Writer.nullWriter()) : spec.commandLine().getErr();
      PrintWriter out = spec.commandLine().getOut();
      out.println(PolicyBenchmark.run(seconds, progress, jsonOnly));
      out.flush();
      return ExitCodes.OK;
    }
  }
}
