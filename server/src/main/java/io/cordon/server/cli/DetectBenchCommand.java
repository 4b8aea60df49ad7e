package io.cordon.server.cli;

import io.cordon.server.bench.DetectBenchReport;
import io.cordon.server.bench.DetectBenchmark;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cordon bench detect}: see {@link DetectBenchmark}. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Events per second of a detector replay on one thread (goal "
          + (int) DetectBenchmark.GOAL
          + "), against parsing the same generated events only, in the same run."
    })
public final class DetectBenchCommand implements Callable<Integer> {
  @Option(
      names = "--events",
      paramLabel = "N",
      defaultValue = "400000",
      description = "Generated events (10,000 to 5,000,000). Default: ${DEFAULT-VALUE}.")
  int events;

  @Option(
      names = "--users",
      paramLabel = "N",
      defaultValue = "2000",
      description = "Simulated users. Default: ${DEFAULT-VALUE}.")
  int users;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "Measured runs of each pass. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(names = "--json-only", description = "Print only the JSON line (no table, no progress).")
  boolean jsonOnly;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (events < 10_000 || events > 5_000_000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--events: 10000 to 5000000");
    }
    if (users < 1 || users > 1_000_000 || runs < 1 || runs > 100) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--users must be 1 to 1000000 and --runs 1 to 100");
    }
    PrintWriter progress =
        jsonOnly ? new PrintWriter(Writer.nullWriter()) : spec.commandLine().getErr();
    DetectBenchReport report =
        DetectBenchmark.run(new DetectBenchmark.Options(events, users, runs), progress);
    PrintWriter out = spec.commandLine().getOut();
    if (!jsonOnly) {
      out.print(report.table());
    }
    out.println(report.json());
    out.flush();
    return ExitCodes.OK;
  }
}
