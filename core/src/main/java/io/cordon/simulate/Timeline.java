package io.cordon.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Puts generated events in time order and writes them with contiguous sequence numbers from 1.
 * Generators add a day's events in any order; {@link #flushBefore} writes every buffered event
 * earlier than a cut-off that no later generation can undercut, so memory holds about two days of
 * events whatever the length of the simulation. Not thread-safe.
 */
final class Timeline {
  private static final Comparator<SimEvent> ORDER =
      Comparator.comparingLong(SimEvent::time).thenComparingLong(SimEvent::order);

  private final JsonGenerator out;
  private final List<InjectedScenario> scenarios;
  private List<SimEvent> buffer = new ArrayList<>();
  private long order;
  private long seq;
  private long lastWritten = Long.MIN_VALUE;
  private long firstTime = Long.MAX_VALUE;

  Timeline(JsonGenerator out, List<InjectedScenario> scenarios) {
    this.out = out;
    this.scenarios = scenarios;
  }

  void add(
      long time,
      SimEvent.Actor actor,
      String session,
      String auth,
      String action,
      SimEvent.Target object,
      String outcome,
      String reason,
      SimEvent.Access context,
      Map<String, Object> details,
      int scenario) {
    buffer.add(
        new SimEvent(
            time, order++, actor, session, auth, action, object, outcome, reason, context, details,
            scenario));
  }

  /** Writes, in order, every buffered event earlier than {@code cutoff} (epoch milliseconds). */
  void flushBefore(long cutoff) {
    buffer.sort(ORDER);
    int n = 0;
    while (n < buffer.size() && buffer.get(n).time() < cutoff) {
      write(buffer.get(n++));
    }
    buffer = new ArrayList<>(buffer.subList(n, buffer.size()));
  }

  void flushAll() {
    flushBefore(Long.MAX_VALUE);
  }

  long written() {
    return seq;
  }

  long firstTime() {
    return firstTime;
  }

  long lastTime() {
    return lastWritten;
  }

  private void write(SimEvent e) {
    if (e.time() < lastWritten) {
      throw new IllegalStateException("an event was generated behind the written cut-off");
    }
    seq++;
    lastWritten = e.time();
    firstTime = Math.min(firstTime, e.time());
    if (e.scenario() >= 0) {
      scenarios.get(e.scenario()).written(seq, e.time());
    }
    try {
      EventJson.write(out, seq, e);
      out.writeRaw('\n');
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }
}
