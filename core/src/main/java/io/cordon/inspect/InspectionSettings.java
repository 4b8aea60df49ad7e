package io.cordon.inspect;

import java.time.Duration;

/**
 * Limits of the inspection worker (configuration {@code inspect.*}, docs/inspection.md).
 *
 * @param workers versions inspected at once (threads of the bounded pool)
 * @param lease how long a claim on a pending version holds; a version whose worker died (a killed
 *     node) is claimed again after it
 * @param maxAttempts attempts before a version that keeps failing (storage, scanner) gets the
 *     verdict {@code unscannable}; never {@code clean}
 * @param poll how often pending versions are looked for when no upload announced one
 */
public record InspectionSettings(int workers, Duration lease, int maxAttempts, Duration poll) {
  public static final InspectionSettings DEFAULT =
      new InspectionSettings(2, Duration.ofMinutes(5), 3, Duration.ofSeconds(2));

  public InspectionSettings {
    if (workers < 1 || workers > 256) {
      throw new IllegalArgumentException("inspect.workers must be 1 to 256");
    }
    if (lease.isNegative() || lease.isZero() || poll.isNegative() || poll.isZero()) {
      throw new IllegalArgumentException("inspect.lease and inspect.poll must be positive");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("inspect.max-attempts must be at least 1");
    }
  }
}
