package io.cordon.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests move forward by hand, so that time-dependent behaviour (retention periods,
 * expiries) is tested without sleeping. Thread-safe.
 */
public final class AdjustableClock extends Clock {
  private final AtomicReference<Instant> now;

  public AdjustableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** Moves the clock forward (or back, with a negative amount). */
  public void advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("an adjustable clock stays in UTC");
  }
}
