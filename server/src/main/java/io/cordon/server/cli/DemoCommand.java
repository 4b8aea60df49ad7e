package io.cordon.server.cli;

import io.cordon.server.Node;
import io.cordon.server.Server;
import io.cordon.server.demo.DemoWorld;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cordon demo}: initialise (once) a development installation seeded with a realistic small
 * world, then serve it. The demo passwords are public (printed here and in the README), so the demo
 * listens on loopback only.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Init + serve with a seeded demo: a home organisation, partner organisations,"
            + " workspaces, files and their audit trail. Prints the URL and the demo logins.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8443",
      description = "HTTPS port (default: ${DEFAULT-VALUE}).")
  int port;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    NodeOptions options = new NodeOptions();
    options.data = data;
    var out = spec.commandLine().getOut();
    Node node;
    if (Node.isInitialised(options.config().dataDir())) {
      node = options.open();
      out.println("Using the existing demo in " + node.config().dataDir());
    } else {
      node = Node.create(options.config(), Node.Unseal.none(), Clock.systemUTC());
      DemoWorld.seed(node, out);
    }
    Server server = Server.start(node, new Server.Listen("127.0.0.1", port, null, null), out);
    DemoWorld.printLogins(
        out,
        "https://localhost:" + server.port() + "/",
        node.config().dataDir().resolve("tls").resolve("ca.pem"));
    out.flush();
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::close));
    server.awaitStop();
    return ExitCodes.OK;
  }
}
