package io.cordon.server.robust;

import io.cordon.server.Node;
import io.cordon.server.Server;
import io.cordon.server.config.ConfigLoader;
import io.cordon.server.config.CordonConfig;
import io.cordon.testing.FreshPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A real installation served in this JVM: a fresh data directory (development sealing), SQLite or a
 * fresh PostgreSQL database, the HTTPS server on an ephemeral loopback port. It can be restarted on
 * the same data directory and database, as an operator restarts a node. Closing it stops the server
 * and drops its PostgreSQL database.
 */
final class InProcessCordon implements AutoCloseable {
  static final String ADMIN = "admin@home.example";
  static final String PASSWORD = "correct horse battery staple";

  final Path dataDir;
  private final CordonConfig config;
  private final FreshPostgres postgres;
  private Server server;

  private InProcessCordon(Path dataDir, CordonConfig config, FreshPostgres postgres) {
    this.dataDir = dataDir;
    this.config = config;
    this.postgres = postgres;
  }

  /**
   * Initialises and serves a new installation.
   *
   * @param settings configuration as environment variables ({@code CORDON_BLOBS_DIR} …)
   */
  static InProcessCordon start(Path dataDir, Database database, Map<String, String> settings)
      throws Exception {
    Map<String, String> env = new HashMap<>(settings);
    FreshPostgres postgres = null;
    if (database == Database.POSTGRESQL) {
      postgres = FreshPostgres.create("cordon_robust");
      env.put("CORDON_DB_URL", postgres.url());
    }
    InProcessCordon cordon =
        new InProcessCordon(
            dataDir, new ConfigLoader(env).load(dataDir, Optional.empty()), postgres);
    try {
      Node node = Node.create(cordon.config, Node.Unseal.none(), Clock.systemUTC());
      node.installation().initialise("Home", ADMIN, PASSWORD.toCharArray());
      cordon.serve(node);
      return cordon;
    } catch (RuntimeException | Error e) {
      cordon.close();
      throw e;
    }
  }

  private void serve(Node node) {
    try {
      server =
          Server.start(
              node,
              new Server.Listen("127.0.0.1", 0, null, null),
              new PrintWriter(new StringWriter()));
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  /** Stops the server and opens the same data directory and database again. */
  void restart() {
    server.close();
    server = null;
    serve(Node.open(config, Node.Unseal.none(), Clock.systemUTC()));
  }

  Node node() {
    return server.node();
  }

  /** A client of this installation, not yet logged in. */
  Client client() throws Exception {
    return new Client(dataDir.resolve("tls/ca.pem"), server.port());
  }

  /** A client logged in as the administrator. */
  Client admin() throws Exception {
    return client().login(ADMIN, PASSWORD);
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() throws SQLException {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }
}
