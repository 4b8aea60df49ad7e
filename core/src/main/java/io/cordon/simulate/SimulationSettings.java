package io.cordon.simulate;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What world to simulate. {@code rates} is the expected number of each scenario per 100 users × 30
 * days; a type with a positive rate appears at least once when the world has room for it.
 *
 * @param users total users across the CDMO and its partners (1 to 1,000,000)
 * @param days simulated days (1 to 3,650)
 * @param seed the seed: the same settings write the same bytes
 * @param start the first simulated (local) day
 * @param rates scenarios per 100 users × 30 days, per type (missing types use {@link
 *     #DEFAULT_RATE})
 */
public record SimulationSettings(
    int users, int days, long seed, LocalDate start, Map<ScenarioType, Double> rates) {
  /** A few of each scenario per 100 users × 30 days. */
  public static final double DEFAULT_RATE = 3.0;

  public static final LocalDate DEFAULT_START = LocalDate.of(2026, 10, 5);

  public SimulationSettings {
    if (users < 1 || users > 1_000_000) {
      throw new IllegalArgumentException("users must be between 1 and 1,000,000");
    }
    if (days < 1 || days > 3650) {
      throw new IllegalArgumentException("days must be between 1 and 3650");
    }
    if (start == null) {
      throw new IllegalArgumentException("a start day is needed");
    }
    EnumMap<ScenarioType, Double> all = new EnumMap<>(ScenarioType.class);
    for (ScenarioType t : ScenarioType.values()) {
      Double r = rates == null ? null : rates.get(t);
      double rate = r == null ? DEFAULT_RATE : r;
      if (!(rate >= 0) || rate > 1000) {
        throw new IllegalArgumentException(
            "the rate of " + t.code() + " must be between 0 and 1000");
      }
      all.put(t, rate);
    }
    rates = Collections.unmodifiableMap(all);
  }

  public static SimulationSettings of(int users, int days, long seed) {
    return new SimulationSettings(users, days, seed, DEFAULT_START, Map.of());
  }

  /** The expected count of a scenario type in this world. */
  double expected(ScenarioType type) {
    return rates.get(type) * users / 100.0 * days / 30.0;
  }
}
