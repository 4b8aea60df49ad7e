package io.cordon.server.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command takes: where the data directory and the configuration file are. */
public final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "./cordon-data",
      description = "Data directory (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: DATA/cordon.yaml when it exists).")
  Path config;

  public Path dataDir() {
    return data.toAbsolutePath().normalize();
  }

  public Optional<Path> configFile() {
    return Optional.ofNullable(config);
  }
}
