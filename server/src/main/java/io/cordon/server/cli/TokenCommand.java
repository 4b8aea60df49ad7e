package io.cordon.server.cli;

import io.cordon.identity.IssuedToken;
import io.cordon.server.Node;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cordon token}: API tokens. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "API tokens.",
    subcommands = TokenCommand.Create.class)
public final class TokenCommand {
  /** {@code cordon token create}: print a new token for a user (shown once). */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Print a new API token for a user. It is shown once and stored only as a"
              + " hash. Works while the server runs.")
  static final class Create implements Callable<Integer> {
    @Mixin NodeOptions node;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "The user.")
    String user;

    @Option(
        names = "--scopes",
        split = ",",
        paramLabel = "SCOPE",
        description = "api (default), metrics, audit, witness; comma-separated.")
    List<String> scopes = List.of();

    @Option(
        names = "--ttl",
        paramLabel = "DURATION",
        defaultValue = "1h",
        description = "Lifetime: 30m, 12h, 7d… (default: ${DEFAULT-VALUE}).")
    String ttl;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Duration lifetime = Durations.parse(ttl, "--ttl");
      try (Node n = node.open()) {
        IssuedToken t =
            n.identity()
                .createToken(
                    n.installation().operatorContext(),
                    user,
                    new LinkedHashSet<>(scopes),
                    lifetime);
        spec.commandLine().getOut().println(t.secret());
        spec.commandLine()
            .getErr()
            .println(
                "token " + t.record().id() + " for " + user + ", expires " + t.record().expires());
        return ExitCodes.OK;
      }
    }
  }
}
