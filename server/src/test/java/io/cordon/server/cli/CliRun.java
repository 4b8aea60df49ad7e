package io.cordon.server.cli;

import io.cordon.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process run of the {@code cordon} command line, as a user at a terminal would see it: the
 * exit code and what went to standard output and standard error. Nothing exits the JVM.
 */
public record CliRun(int exit, String out, String err) {
  /** Runs {@code cordon ARGS...} and captures its output. */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** The non-empty lines of standard output. */
  public List<String> outLines() {
    return out.lines().filter(l -> !l.isBlank()).toList();
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
  }
}
