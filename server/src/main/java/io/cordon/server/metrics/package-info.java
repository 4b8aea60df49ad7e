/**
 * Operational metrics of a node (Micrometer, Prometheus text format) for {@code GET /metrics}:
 * request latency and the JVM's health; no user, file or content data.
 */
package io.cordon.server.metrics;
