package io.cordon.server.robust;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for a condition that another thread or process brings about, checking it often and giving
 * up only after a generous timeout: never a sleep used as a timing assertion.
 */
final class Polling {
  static final Duration PATIENCE = Duration.ofSeconds(20);

  private Polling() {}

  static void await(String what, Callable<Boolean> condition) throws Exception {
    await(what, PATIENCE, condition);
  }

  static void await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s waiting until " + what);
      }
      Thread.sleep(20);
    }
  }
}
