package io.cordon.server;

import io.cordon.audit.CheckpointService;
import io.cordon.audit.StoredCheckpoint;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a signed checkpoint of the audit trail at a fixed cadence when events arrived, and a last
 * one on close, so that what happened up to shutdown is committed to too. A failed tick is logged
 * and the next one tries again.
 */
final class CheckpointSchedule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointSchedule.class);

  private final CheckpointService checkpoints;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("cordon-checkpoints").factory());

  private final Consumer<StoredCheckpoint> signed;

  /**
   * @param signed told of each new checkpoint; must not block (the witnesses are asked elsewhere)
   */
  CheckpointSchedule(
      CheckpointService checkpoints, Duration every, Consumer<StoredCheckpoint> signed) {
    this.checkpoints = checkpoints;
    this.signed = signed;
    long millis = every.toMillis();
    timer.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      checkpoints
          .publish()
          .ifPresent(
              c -> {
                LOG.debug("signed the audit checkpoint of {} events", c.treeSize());
                signed.accept(c);
              });
    } catch (RuntimeException e) {
      LOG.warn("audit checkpoint failed: {}", e.toString());
    }
  }

  /** Stops the cadence, then makes the final checkpoint. */
  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    tick();
  }
}
