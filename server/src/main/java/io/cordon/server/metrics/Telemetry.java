package io.cordon.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Operational metrics of one node in the Prometheus text format (Micrometer): request latency by
 * route template and status class, readiness, and the JVM's memory, GC, threads, CPU and uptime.
 * Labels are route templates, never concrete paths, users or file names, so nothing sensitive
 * leaves through a scrape and the number of series stays bounded. Thread-safe.
 */
public final class Telemetry implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /**
   * @param ready whether the node can serve (the readiness probe), exported as {@code cordon_ready}
   */
  public Telemetry(BooleanSupplier ready) {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    // A strong reference: Micrometer holds gauge targets weakly, and a method reference has no
    // other owner.
    Gauge.builder("cordon.ready", ready, r -> r.getAsBoolean() ? 1 : 0)
        .description("1 when the node can serve (its metadata store answers)")
        .strongReference(true)
        .register(registry);
  }

  /**
   * Records one answered HTTP request.
   *
   * @param route the route template (e.g. {@code /api/v1/files/{id}}), never the concrete path
   */
  public void request(String method, String route, int status, long nanos) {
    Timer.builder("cordon.http.requests")
        .description("HTTP requests answered, by route template and status class")
        .tag("method", method)
        .tag("route", route)
        .tag("status", (status / 100) + "xx")
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The current values, in the Prometheus text exposition format 0.0.4. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
