package io.cordon.server.e2e;

import io.cordon.server.Node;
import io.cordon.server.Server;
import io.cordon.server.config.ConfigLoader;
import io.cordon.server.config.CordonConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real installation for end-to-end tests: a fresh data directory (development sealing), SQLite or
 * the configured database, the HTTPS server on an ephemeral loopback port, and an HTTP client that
 * trusts only the installation's own CA.
 */
final class TestInstallation implements AutoCloseable {
  static final String ADMIN = "admin@home.example";
  static final String PASSWORD = "correct horse battery staple";

  final Path dataDir;
  final Server server;
  final HttpClient http;
  final String base;

  private TestInstallation(Path dataDir, Server server) throws Exception {
    this.dataDir = dataDir;
    this.server = server;
    this.base = "https://localhost:" + server.port();
    this.http =
        HttpClient.newBuilder()
            .sslContext(trusting(dataDir.resolve("tls/ca.pem")))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /**
   * A policy directory holding the default set without the named rules: for suites that cannot
   * control what a rule reads (a browser's wall-clock hour, say) and whose subject is elsewhere.
   */
  static Path defaultPolicyWithout(Path dir, String... ruleIds) throws java.io.IOException {
    Path policies = java.nio.file.Files.createDirectories(dir);
    for (io.cordon.policy.PolicySource s : io.cordon.policy.PolicySet.defaultSources()) {
      String text = s.text();
      for (String id : ruleIds) {
        int start = text.indexOf("  - id: " + id + "\n");
        if (start < 0) {
          throw new IllegalArgumentException("no rule " + id + " in " + s.name());
        }
        int next = text.indexOf("\n  - id: ", start + 1);
        int end = next < 0 ? text.length() : next + 1;
        text = text.substring(0, start) + text.substring(end);
      }
      java.nio.file.Files.writeString(policies.resolve(s.name()), text);
    }
    return policies;
  }

  static TestInstallation start(Path dataDir, Map<String, String> env) throws Exception {
    return start(dataDir, env, Clock.systemUTC());
  }

  /** As {@link #start(Path, Map)}, with the node's clock given (to move time without sleeping). */
  static TestInstallation start(Path dataDir, Map<String, String> env, Clock clock)
      throws Exception {
    CordonConfig config = new ConfigLoader(env).load(dataDir, Optional.empty());
    Node node = Node.create(config, Node.Unseal.none(), clock);
    node.installation().initialise("Home", ADMIN, PASSWORD.toCharArray());
    Server server =
        Server.start(
            node,
            new Server.Listen("127.0.0.1", 0, null, null),
            new PrintWriter(new StringWriter()));
    return new TestInstallation(dataDir, server);
  }

  /** Waits until every stored version has its inspection verdict. */
  void awaitVerdicts() {
    try {
      if (!node().inspection().awaitIdle(Duration.ofSeconds(60))) {
        throw new IllegalStateException("inspection verdicts still pending after 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens an existing data directory again (a restarted node) and serves it. */
  static TestInstallation reopen(Path dataDir, Map<String, String> env, Clock clock)
      throws Exception {
    CordonConfig config = new ConfigLoader(env).load(dataDir, Optional.empty());
    Node node = Node.open(config, Node.Unseal.none(), clock);
    Server server =
        Server.start(
            node,
            new Server.Listen("127.0.0.1", 0, null, null),
            new PrintWriter(new StringWriter()));
    return new TestInstallation(dataDir, server);
  }

  Node node() {
    return server.node();
  }

  ApiClient client() {
    return new ApiClient(http, base).settlingInspections(this::awaitVerdicts);
  }

  /**
   * A client whose connections come from another loopback address (127.0.0.0/8 all reach the
   * listener on Linux), so that per-address throttling in one test does not spill into another.
   */
  ApiClient clientFrom(String localAddress) throws Exception {
    HttpClient from =
        HttpClient.newBuilder()
            .sslContext(trusting(dataDir.resolve("tls/ca.pem")))
            .connectTimeout(Duration.ofSeconds(10))
            .localAddress(java.net.InetAddress.getByName(localAddress))
            .build();
    return new ApiClient(from, base).settlingInspections(this::awaitVerdicts);
  }

  static SSLContext trusting(Path caPem) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(caPem)) {
      trust.setCertificateEntry(
          "ca", (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLSv1.3");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
