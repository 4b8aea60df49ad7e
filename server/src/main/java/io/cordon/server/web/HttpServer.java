package io.cordon.server.web;

import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.security.KeyStore;
import java.util.List;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTPS listener: Javalin on Jetty 12, TLS 1.3 and 1.2 only (no plain-HTTP connector at all),
 * HSTS and restrictive security headers on every answer, virtual threads for blocking I/O.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  private final Javalin app;
  private final List<Route> routes;

  /**
   * @param keyStore the server key and certificate chain, in memory
   * @param keyPassword the password protecting the key entry in that in-memory store
   */
  public HttpServer(
      Services services, String bind, int port, KeyStore keyStore, char[] keyPassword) {
    Gatekeeper gate = new Gatekeeper(services.identity(), services.context());
    ApiRoutes api = new ApiRoutes(services, true);
    this.routes = api.routes();
    UiRoutes ui = api.ui();
    this.app =
        Javalin.create(
            cfg -> {
              cfg.concurrency.useVirtualThreads = true;
              cfg.startup.showJavalinBanner = false;
              cfg.http.maxRequestSize = Json.MAX_BODY;
              cfg.jetty.addConnector(
                  (server, httpConfig) -> {
                    httpConfig.setSendServerVersion(false);
                    httpConfig.setSendXPoweredBy(false);
                    SecureRequestCustomizer secure = new SecureRequestCustomizer();
                    secure.setSniHostCheck(false);
                    secure.setStsMaxAge(31_536_000);
                    secure.setStsIncludeSubDomains(true);
                    httpConfig.addCustomizer(secure);
                    SslContextFactory.Server ssl = new SslContextFactory.Server();
                    ssl.setKeyStore(keyStore);
                    ssl.setKeyStorePassword(new String(keyPassword));
                    ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
                    ssl.setExcludeCipherSuites(
                        "^.*_(MD5|SHA|SHA1)$", "^TLS_RSA_.*$", "^.*_CBC_.*$");
                    ssl.setRenegotiationAllowed(false);
                    ServerConnector connector =
                        new ServerConnector(
                            server,
                            new SslConnectionFactory(ssl, "http/1.1"),
                            new HttpConnectionFactory(httpConfig));
                    connector.setHost(bind);
                    connector.setPort(port);
                    return connector;
                  });
              cfg.routes.before(HttpServer::securityHeaders);
              for (Route route : routes) {
                cfg.routes.addHttpHandler(
                    route.method(), route.path(), http -> run(gate, services, ui, route, http));
              }
              cfg.routes.exception(
                  CordonException.class,
                  (e, http) -> {
                    if (!midStream(http, e)) {
                      Problems.write(http, e);
                    }
                  });
              // Javalin's own answers (no such endpoint, too large…) would otherwise be text/plain.
              cfg.routes.exception(
                  HttpResponseException.class, (e, http) -> Problems.write(http, e.getStatus()));
              cfg.routes.exception(
                  Exception.class,
                  (e, http) -> {
                    if (midStream(http, e)) {
                      return;
                    }
                    LOG.error("unexpected error on {} {}", http.method(), http.path(), e);
                    Problems.write(
                        http, 500, "internal", "Server error", "an unexpected error occurred");
                  });
              cfg.routes.error(
                  404,
                  "*",
                  http -> {
                    if (http.result() == null) {
                      Problems.write(http, 404, "not-found", "Not found", "no such resource");
                    }
                  });
              cfg.routes.error(
                  405,
                  "*",
                  http ->
                      Problems.write(
                          http,
                          405,
                          "method-not-allowed",
                          "Method not allowed",
                          "method not allowed"));
            });
  }

  private static void run(
      Gatekeeper gate, Services services, UiRoutes ui, Route route, Context http) throws Exception {
    long start = System.nanoTime();
    int status = 0;
    RequestContext rc = null;
    try {
      rc = gate.admit(http, route.access());
      MDC.put("request", rc.requestId());
      rc.subject().ifPresent(s -> MDC.put("principal", s.username()));
      route.endpoint().handle(http, rc);
    } catch (CordonException.StepUpRequired e) {
      status = Problems.status(e);
      if (UiRoutes.isUi(route) && ui.stepUp(http, rc)) {
        return;
      }
      if (rc == null) {
        throw e;
      }
      // Only here is the subject known: tell the client which factors it may step up with.
      Problems.writeStepUp(http, e, services.identity().availableFactors(rc));
    } catch (CordonException e) {
      status = Problems.status(e);
      if (UiRoutes.isUi(route) && ui.fail(http, e)) {
        return; // a page answers with a sign-in redirect or an HTML error, not a problem document
      }
      throw e;
    } catch (Exception e) {
      status = 500;
      throw e;
    } finally {
      MDC.clear();
      services
          .telemetry()
          .request(
              route.method().name(),
              route.path(),
              status == 0 ? http.statusCode() : status,
              System.nanoTime() - start);
    }
  }

  /**
   * Whether the answer was already under way (a download cut short by a revoked session or a failed
   * integrity check). Then a problem document can no longer reach the client as one: it would be
   * body bytes (Jetty refuses them, logging an error, only when they overrun Content-Length).
   * Writing nothing more leaves the body shorter than its Content-Length, and Jetty aborts the
   * connection, so the client sees a truncated transfer.
   */
  private static boolean midStream(Context http, Exception e) {
    if (!http.res().isCommitted()) {
      return false;
    }
    LOG.info("aborted {} {} mid-answer: {}", http.method(), http.path(), e.toString());
    return true;
  }

  private static void securityHeaders(Context http) {
    http.header("X-Content-Type-Options", "nosniff");
    http.header("X-Frame-Options", "DENY");
    http.header("Referrer-Policy", "no-referrer");
    http.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    http.header("Cache-Control", "no-store");
    http.header("Cross-Origin-Resource-Policy", "same-origin");
  }

  public HttpServer start() {
    app.start();
    return this;
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    return app.port();
  }

  /** Every route and what it demands, for the route-coverage test. */
  List<Route> routes() {
    return routes;
  }

  @Override
  public void close() {
    app.stop();
  }
}
