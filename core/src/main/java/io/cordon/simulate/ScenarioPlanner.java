package io.cordon.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Decides which scenarios happen, when, and to whom, before any event is generated: each type's
 * count is its rate scaled to the world (at least one when the rate is positive and the world has
 * room), victims are distinct, and scenarios start after a warm-up of up to a week so detectors
 * have seen normal behaviour first. Adjusts the victims' schedules (a leaver stops, a dormant
 * account goes silent, a victim's own trip or vacation does not overlap the attack).
 */
final class ScenarioPlanner {
  /** Fewest days for a dormant stretch of two weeks between activity and reactivation. */
  static final int DORMANT_MIN_DAYS = 21;

  private final World world;
  private final SplittableRandom r;
  private final List<InjectedScenario> planned = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();

  ScenarioPlanner(World world) {
    this.world = world;
    this.r = new SplittableRandom(world.settings.seed() ^ 0x5CE7A810L);
  }

  List<InjectedScenario> plan() {
    int days = world.settings.days();
    int warm = Math.min(7, days / 3);
    for (ScenarioType type : ScenarioType.values()) {
      double expected = world.settings.expected(type);
      int count = (int) expected + (r.nextDouble() < expected - (int) expected ? 1 : 0);
      if (world.settings.rates().get(type) > 0) {
        count = Math.max(1, count);
      }
      for (int i = 0; i < count; i++) {
        if (!planOne(type, warm, days)) {
          skipped.add(type.code());
          break;
        }
      }
    }
    return planned;
  }

  /** Scenario types that could not be placed (the world too small or too short), in order. */
  List<String> skipped() {
    return skipped;
  }

  private boolean planOne(ScenarioType type, int warm, int days) {
    int day = warm + r.nextInt(Math.max(1, days - warm));
    day = Math.min(day, days - 1);
    Predicate<SimUser> person = u -> !u.integration && !u.claimed && u.activeFrom == 0;
    return switch (type) {
      case PASSWORD_SPRAYING, CREDENTIAL_STUFFING -> add(type, null, day, day);
      case EXFILTRATION_BEFORE_DEPARTURE, MASS_EXTERNAL_SHARING -> {
        SimUser u = victim(person.and(x -> x.org.isHome()));
        if (u != null && type == ScenarioType.EXFILTRATION_BEFORE_DEPARTURE) {
          u.activeUntil = day + 2;
        }
        yield u != null && add(type, u, day, day);
      }
      case ACCOUNT_TAKEOVER, IMPOSSIBLE_TRAVEL -> {
        SimUser u = victim(person);
        yield u != null && add(type, u, day, day);
      }
      case PARTNER_OVERREACH -> {
        SimUser u = victim(person.and(x -> !x.org.isHome() && hasUnfamiliar(x)));
        yield u != null && add(type, u, day, day);
      }
      case LOW_AND_SLOW_EXFILTRATION -> {
        SimUser u = victim(person.and(x -> x.org.isHome()));
        int first = Math.min(day, Math.max(warm, days - 5));
        int last = Math.min(days - 1, first + 5 + r.nextInt(5));
        yield u != null && add(type, u, first, last);
      }
      case DORMANT_REACTIVATION -> {
        if (days < DORMANT_MIN_DAYS) {
          yield false;
        }
        SimUser u = victim(person);
        int silentFrom = Math.max(3, days / 6);
        int react = silentFrom + 14 + r.nextInt(Math.max(1, days - silentFrom - 14));
        if (u != null) {
          u.silentFrom = silentFrom;
          u.silentUntil = Integer.MAX_VALUE;
        }
        yield u != null && add(type, u, react, react);
      }
    };
  }

  private boolean add(ScenarioType type, SimUser u, int first, int last) {
    InjectedScenario s = new InjectedScenario(planned.size(), type, u, first, last);
    if (u != null) {
      u.claimed = true;
      // The victim's own trip or vacation would blur the attack with a benign surprise.
      if (u.tripStart >= 0 && u.tripStart <= last + 1 && u.tripEnd >= first - 1) {
        u.tripStart = u.tripEnd = -1;
        u.tripCity = null;
      }
      if (u.vacationStart >= 0 && u.vacationStart <= last && u.vacationEnd > first) {
        u.vacationStart = u.vacationEnd = -1;
      }
    }
    planned.add(s);
    return true;
  }

  private SimUser victim(Predicate<SimUser> eligible) {
    List<SimUser> users = world.users;
    for (int tries = 0; tries < 400; tries++) {
      SimUser u = users.get(r.nextInt(users.size()));
      if (eligible.test(u)) {
        return u;
      }
    }
    for (SimUser u : users) {
      if (eligible.test(u)) {
        return u;
      }
    }
    return null;
  }

  private boolean hasUnfamiliar(SimUser u) {
    return world.workspaces.stream().anyMatch(w -> isUnfamiliar(u, w));
  }

  static boolean isUnfamiliar(SimUser u, Workspace w) {
    return !u.workspaces.contains(w) && !w.partners().contains(u.org);
  }
}
