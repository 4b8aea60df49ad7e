package io.cordon.simulate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Simulates a world day by day and streams its events (API.md's event format, {@code seq} from 1
 * without gaps, times non-decreasing) and its truth (docs/simulation.md, "Truth format"). The same
 * settings always produce the same bytes: every random choice comes from generators derived from
 * the seed, the user and the day, never from the clock or from hash iteration order. Memory holds
 * the world and about two days of events. Not thread-safe; one run per instance.
 */
public final class Simulator {
  private static final long HOUR = 3_600_000L;

  private final SimulationSettings settings;

  public Simulator(SimulationSettings settings) {
    this.settings = settings;
  }

  /** What a run wrote. */
  public record Summary(
      long events, int scenarios, Map<String, Integer> perType, List<String> skipped) {}

  /** Writes the events to {@code events} and then the truth to {@code truth}; closes neither. */
  public Summary run(OutputStream events, OutputStream truth) throws IOException {
    World world = World.build(settings);
    ScenarioPlanner planner = new ScenarioPlanner(world);
    List<InjectedScenario> scenarios = planner.plan();
    JsonFactory factory = new JsonFactoryBuilder().rootValueSeparator((String) null).build();
    Timeline timeline;
    try (JsonGenerator out = factory.createGenerator(events, JsonEncoding.UTF8)) {
      out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      timeline = new Timeline(out, scenarios);
      DailyActivity daily = new DailyActivity(world, timeline);
      ScenarioEvents attacks = new ScenarioEvents(world, timeline);
      for (int day = 0; day < settings.days(); day++) {
        LocalDate date = settings.start().plusDays(day);
        for (SimUser u : world.users) {
          daily.generate(u, day, date, random(u.index, day));
        }
        for (InjectedScenario s : scenarios) {
          if (day >= s.firstDay && day <= s.lastDay) {
            attacks.generate(s, day, date, random(1_000_000 + s.index, day));
          }
        }
        // No later day generates anything earlier than 12 hours before its UTC midnight.
        long nextMidnight =
            date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        timeline.flushBefore(nextMidnight - 12 * HOUR);
      }
      timeline.flushAll();
    }
    List<InjectedScenario> written = new ArrayList<>();
    Map<String, Integer> perType = new TreeMap<>();
    for (InjectedScenario s : scenarios) {
      if (!s.seqs.isEmpty()) {
        written.add(s);
        perType.merge(s.type.code(), 1, Integer::sum);
      }
    }
    TruthWriter.write(truth, factory, settings, timeline, written);
    return new Summary(timeline.written(), written.size(), perType, planner.skipped());
  }

  private SplittableRandom random(int who, int day) {
    long h =
        settings.seed() * 0x9E3779B97F4A7C15L
            + (who + 1L) * 0xC2B2AE3D27D4EB4FL
            + (day + 1L) * 0x165667B19E3779F9L;
    return new SplittableRandom(h);
  }
}
