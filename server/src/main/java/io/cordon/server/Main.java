package io.cordon.server;

import io.cordon.server.cli.AuditCommand;
import io.cordon.server.cli.BenchCommand;
import io.cordon.server.cli.BlobsCommand;
import io.cordon.server.cli.ConfigCommand;
import io.cordon.server.cli.DemoCommand;
import io.cordon.server.cli.DetectCommand;
import io.cordon.server.cli.ExitCodes;
import io.cordon.server.cli.InitCommand;
import io.cordon.server.cli.InspectCommand;
import io.cordon.server.cli.KeysCommand;
import io.cordon.server.cli.PolicyCommand;
import io.cordon.server.cli.RetentionCommand;
import io.cordon.server.cli.ServeCommand;
import io.cordon.server.cli.SimulateCommand;
import io.cordon.server.cli.TokenCommand;
import io.cordon.server.cli.UserCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cordon} command: the entry point of the launcher and of the packaged jar. */
@Command(
    name = "cordon",
    mixinStandardHelpOptions = true,
    version = "Cordon 0.1.0",
    description = {
      "Cordon: a zero-trust content network for pharmaceutical CDMOs and partners.",
      "",
      "Start with 'cordon demo' for a seeded installation, or 'cordon init' then 'cordon serve'."
    },
    subcommands = {
      DemoCommand.class,
      InitCommand.class,
      ServeCommand.class,
      UserCommand.class,
      TokenCommand.class,
      KeysCommand.class,
      BlobsCommand.class,
      RetentionCommand.class,
      AuditCommand.class,
      ConfigCommand.class,
      InspectCommand.class,
      DetectCommand.class,
      PolicyCommand.class,
      BenchCommand.class,
      SimulateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (used by tests without exiting the JVM). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new ExitCodes());
    cli.setParameterExceptionHandler(
        (e, argv) -> {
          e.getCommandLine().getErr().println("cordon: " + e.getMessage());
          e.getCommandLine().usage(e.getCommandLine().getErr());
          return ExitCodes.BAD_INPUT;
        });
    return cli;
  }
}
