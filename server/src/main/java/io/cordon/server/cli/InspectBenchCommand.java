package io.cordon.server.cli;

import io.cordon.server.bench.InspectBenchReport;
import io.cordon.server.bench.InspectBenchmark;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cordon bench inspect}: see {@link InspectBenchmark}. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Megabytes per second of the content-inspection detector pass over generated plain text on"
          + " one core (goal "
          + (int) InspectBenchmark.GOAL_MBPS
          + " MB/s), against one pass of a single simple regex over the same text in the same run."
    })
public final class InspectBenchCommand implements Callable<Integer> {
  @Option(
      names = "--size",
      paramLabel = "SIZE",
      defaultValue = "64m",
      description = "Characters of text: a number with k or m (binary). Default: ${DEFAULT-VALUE}.")
  String size;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "Measured runs of each pass. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(
      names = "--mixed-size",
      paramLabel = "SIZE",
      defaultValue = "8m",
      description =
          "Characters of the text written as the mixed PDF/DOCX/XLSX/HTML/zip set measured with"
              + " extraction (0 to skip; at most --size). Default: ${DEFAULT-VALUE}.")
  String mixedSize;

  @Option(names = "--json-only", description = "Print only the JSON line (no table, no progress).")
  boolean jsonOnly;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    long chars = parse("--size", size);
    long mixed = Math.min(parse("--mixed-size", mixedSize), chars);
    if (chars < 1 << 20 || chars > 1L << 30) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--size must be 1m to 1024m");
    }
    if (runs < 1 || runs > 100) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be 1 to 100");
    }
    PrintWriter progress =
        jsonOnly ? new PrintWriter(Writer.nullWriter()) : spec.commandLine().getErr();
    InspectBenchReport report =
        InspectBenchmark.run(
            new InspectBenchmark.Options((int) chars, runs, (int) mixed), progress);
    PrintWriter out = spec.commandLine().getOut();
    if (!jsonOnly) {
      out.print(report.table());
    }
    out.println(report.json());
    out.flush();
    return ExitCodes.OK;
  }

  private long parse(String option, String value) {
    String t = value.strip().toLowerCase(Locale.ROOT);
    try {
      long unit = t.endsWith("m") ? 1L << 20 : t.endsWith("k") ? 1L << 10 : 1L;
      return Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
    } catch (NumberFormatException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + ": not a size: " + value);
    }
  }
}
