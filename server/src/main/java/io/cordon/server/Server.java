package io.cordon.server;

import io.cordon.context.CordonException;
import io.cordon.server.tls.LocalCertificateAuthority;
import io.cordon.server.tls.TlsMaterial;
import io.cordon.server.web.HttpServer;
import io.cordon.server.witness.WitnessLoop;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serving node: the node's services behind the HTTPS listener. At start it sweeps what a crash
 * may have left in the blob store; on close it stops listening, then closes the node.
 */
public final class Server implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  private final Node node;
  private final HttpServer http;
  private final Maintenance maintenance;
  private final CheckpointSchedule checkpoints;
  private final WitnessLoop witnessing;
  private final io.cordon.server.mail.MailLoop mail;
  private final Optional<PolicyWatch> policyWatch;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Server(Node node, HttpServer http, WitnessLoop witnessing) {
    this.node = node;
    this.http = http;
    this.witnessing = witnessing;
    this.maintenance = new Maintenance(node, Duration.ofMinutes(15));
    this.mail = new io.cordon.server.mail.MailLoop(node.outboxSender(), Duration.ofSeconds(2));
    this.checkpoints =
        new CheckpointSchedule(
            node.checkpoints(), node.config().audit().checkpointInterval(), witnessing::offer);
    this.policyWatch = PolicyWatch.start(node);
    // Versions a killed node left pending are claimed at the first poll (their lease lapsed).
    node.inspection().start();
    // What the last run signed but may not have had cosigned.
    node.checkpoints().latest().ifPresent(witnessing::offer);
  }

  /**
   * Where to listen; null fields fall back to configuration.
   *
   * @param tlsCert with {@code tlsKey}, the operator's PEM files instead of the local CA
   */
  public record Listen(String bind, Integer port, Path tlsCert, Path tlsKey) {
    public static Listen fromConfig() {
      return new Listen(null, null, null, null);
    }
  }

  public static Server start(Node node, Listen listen, PrintWriter out) {
    var cfg = node.config();
    String bind = listen.bind() != null ? listen.bind() : cfg.http().bind();
    int port = listen.port() != null ? listen.port() : cfg.http().port();
    if (port < 0 || port > 65_535) {
      throw new CordonException.InvalidInput("--port must be between 0 and 65535");
    }
    for (String warning : cfg.unusedSettings()) {
      out.println("warning: " + warning);
    }
    // A single node with an embedded database is the only writer: nothing can be in flight.
    Duration grace = node.store().kind().equals("sqlite") ? Duration.ZERO : Duration.ofHours(24);
    node.sweepBlobs(grace);
    // Create (or unwrap) the checkpoint key now, not inside the first request that needs it.
    node.checkpoints().verifierKey();
    node.signatureKeys().key();
    node.cosigner().key();
    WitnessLoop witnessing =
        WitnessLoop.start(cfg.audit(), node.store(), node.auditTree(), node.checkpointExport());
    TlsMaterial tls = tls(node, listen);
    HttpServer http =
        new HttpServer(node.httpServices(), bind, port, tls.keyStore(), tls.keyStorePassword())
            .start();
    Server server = new Server(node, http, witnessing);
    String host = bind.contains(":") ? "[" + bind + "]" : bind;
    out.println(
        "Cordon is serving https://"
            + ("0.0.0.0".equals(bind) ? "localhost" : host)
            + ":"
            + http.port()
            + "/");
    if (listen.tlsCert() == null && cfg.tls().cert().isEmpty()) {
      out.println("  TLS: local CA, trust " + cfg.dataDir().resolve("tls").resolve("ca.pem"));
    }
    out.flush();
    LOG.info("serving on {}:{} with {} metadata", bind, http.port(), node.store().kind());
    return server;
  }

  private static TlsMaterial tls(Node node, Listen listen) {
    Path cert =
        listen.tlsCert() != null ? listen.tlsCert() : node.config().tls().cert().orElse(null);
    Path key = listen.tlsKey() != null ? listen.tlsKey() : node.config().tls().key().orElse(null);
    if ((cert == null) != (key == null)) {
      throw new CordonException.InvalidInput("give both --tls-cert and --tls-key, or neither");
    }
    if (cert != null) {
      return TlsMaterial.fromPemFiles(cert, key, node.clock().instant());
    }
    return new LocalCertificateAuthority(node.config().dataDir(), node.vault(), node.clock())
        .serverMaterial(List.of());
  }

  public int port() {
    return http.port();
  }

  public Node node() {
    return node;
  }

  /** Blocks until {@link #close()} is called. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    if (stopped.getCount() == 0) {
      return;
    }
    try {
      maintenance.close();
      mail.close();
      policyWatch.ifPresent(PolicyWatch::close);
      http.close();
      // After the listener: the last requests' events are in the final checkpoint.
      checkpoints.close();
      witnessing.close();
    } finally {
      node.close();
      stopped.countDown();
    }
  }
}
