package io.cordon.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic housekeeping of a serving node: removes blobs that interrupted uploads left behind
 * (after a grace period that protects uploads still in flight), resumable uploads past their
 * lifetime, and expired sessions. Each tick catches and logs its own failure, so one bad tick never
 * stops the next.
 */
final class Maintenance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

  /** An upload still running after this long is treated as abandoned. */
  static final Duration UPLOAD_GRACE = Duration.ofHours(24);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("cordon-maintenance").factory());

  Maintenance(Node node, Duration every) {
    timer.scheduleWithFixedDelay(
        () -> tick(node), every.toSeconds(), every.toSeconds(), TimeUnit.SECONDS);
  }

  private static void tick(Node node) {
    try {
      node.uploads().purgeExpired();
      node.sweepBlobs(UPLOAD_GRACE);
      int sessions = node.identity().purgeExpiredSessions();
      if (sessions > 0) {
        LOG.info("removed {} expired sessions", sessions);
      }
      node.passkeys().purgeExpiredChallenges();
    } catch (RuntimeException e) {
      LOG.warn("maintenance tick failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
