package io.cordon.server.cli;

import io.cordon.server.config.ConfigKeys;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cordon config}: the configuration. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Configuration.",
    subcommands = ConfigCommand.Describe.class)
public final class ConfigCommand {
  /** {@code cordon config describe}: every key, its default and meaning. */
  @Command(
      name = "describe",
      mixinStandardHelpOptions = true,
      description = "Print every configuration key with its default and meaning.")
  static final class Describe implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().print(ConfigKeys.describe());
      return ExitCodes.OK;
    }
  }
}
