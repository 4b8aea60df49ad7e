package io.cordon.server.bench;

import io.cordon.detect.DetectionConfig;
import io.cordon.detect.DetectionEngine;
import io.cordon.detect.EventParser;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cordon bench detect}: events per second of a full replay (parse + every detector + alert
 * merging) on one thread, against a baseline that only parses the same events, in the same run.
 * Time is the thread's CPU time, so other load on the machine does not count against it. Each
 * measured run replays into a fresh engine (an empty baseline, as {@code detect replay} does). Run:
 * {@code cordon bench detect --events 400000 --runs 3}.
 */
public final class DetectBenchmark {
  public static final double GOAL = 500_000;

  /** The benchmark's options. */
  public record Options(int events, int users, int runs) {}

  private DetectBenchmark() {}

  public static DetectBenchReport run(Options o, PrintWriter progress) {
    progress.printf("generating %d events of %d users%n", o.events(), o.users());
    progress.flush();
    DetectBenchEvents events = new DetectBenchEvents(o.events(), o.users(), 42);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] alerts = new long[1];
    // Warm-up: one of each, so both loops are compiled before they are timed.
    parseOnly(events);
    replay(events, alerts);
    List<Double> replayRuns = new ArrayList<>();
    List<Double> parseRuns = new ArrayList<>();
    for (int i = 0; i < o.runs(); i++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      parseOnly(events);
      long t1 = cpu.getCurrentThreadCpuTime();
      alerts[0] = 0;
      replay(events, alerts);
      long t2 = cpu.getCurrentThreadCpuTime();
      parseRuns.add(events.count / ((t1 - t0) / 1e9));
      replayRuns.add(events.count / ((t2 - t1) / 1e9));
      progress.printf(
          "run %d: parse %.0f events/s, replay %.0f events/s%n",
          i + 1, parseRuns.getLast(), replayRuns.getLast());
      progress.flush();
    }
    return new DetectBenchReport(
        events.count, o.users(), events.bytes(), o.runs(), replayRuns, parseRuns, alerts[0], GOAL);
  }

  private static long parseOnly(DetectBenchEvents events) {
    EventParser parser = new EventParser();
    long sum = 0;
    for (int i = 0; i < events.count; i++) {
      EventParser.Parsed p =
          parser.parse(events.buf, events.starts[i], events.starts[i + 1] - events.starts[i]);
      sum += p.event() == null ? 0 : p.event().timeMillis();
    }
    return sum;
  }

  private static void replay(DetectBenchEvents events, long[] alerts) {
    EventParser parser = new EventParser();
    DetectionEngine engine = new DetectionEngine(DetectionConfig.defaults(), a -> alerts[0]++);
    for (int i = 0; i < events.count; i++) {
      EventParser.Parsed p =
          parser.parse(events.buf, events.starts[i], events.starts[i + 1] - events.starts[i]);
      if (p.event() == null) {
        engine.reject(p.rejection());
      } else {
        engine.offer(p.event());
      }
    }
    engine.flush();
  }
}
