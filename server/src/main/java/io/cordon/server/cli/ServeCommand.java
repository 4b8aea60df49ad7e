package io.cordon.server.cli;

import io.cordon.server.Node;
import io.cordon.server.Server;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cordon serve}: run the HTTPS server until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the server (HTTPS only). Stop it with Ctrl-C or SIGTERM.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin NodeOptions node;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTPS port (default: http.port, 8443).")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: http.bind, 127.0.0.1).")
  String bind;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description = "Certificate chain PEM (default: tls.cert, else a local CA).")
  java.nio.file.Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description = "Private key PEM (default: tls.key).")
  java.nio.file.Path tlsKey;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Node n = node.open();
    Server server =
        Server.start(
            n, new Server.Listen(bind, port, tlsCert, tlsKey), spec.commandLine().getOut());
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::close));
    server.awaitStop();
    return ExitCodes.OK;
  }
}
