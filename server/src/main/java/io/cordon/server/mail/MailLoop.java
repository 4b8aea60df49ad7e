package io.cordon.server.mail;

import io.cordon.sharing.OutboxSender;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox on one background thread, every {@code every}: requests only write mail into
 * the outbox, this loop sends it. A failing tick is logged and the next one runs.
 */
public final class MailLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MailLoop.class);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("cordon-mail").factory());

  public MailLoop(OutboxSender sender, Duration every) {
    long ms = every.toMillis();
    timer.scheduleWithFixedDelay(() -> tick(sender), ms, ms, TimeUnit.MILLISECONDS);
  }

  private static void tick(OutboxSender sender) {
    try {
      sender.tick();
    } catch (RuntimeException e) {
      LOG.warn("mail tick failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
