package io.cordon.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The unlabelled surprises of a normal month, planned per user: business trips (a new country,
 * reached in a plausible flight time, on the user's own laptop), vacations (days of silence), a new
 * laptop (a new device from one day on) and joining part-way through. Late nights and deadline
 * rushes are decided day by day in {@link DailyActivity}. None of these is in the truth file: a
 * detector that alerts on them raises a false alert.
 */
final class BenignSurprises {
  private BenignSurprises() {}

  static void plan(SimUser u, int days, SplittableRandom r) {
    double months = days / 30.0;
    if (u.integration) {
      return;
    }
    boolean traveller =
        u.roles.contains("project_manager")
            || u.roles.contains("qa")
            || u.roles.contains("sponsor_pm")
            || u.roles.contains("regulatory");
    if (days >= 5 && r.nextDouble() < (traveller ? 0.22 : 0.06) * months) {
      int length = 2 + r.nextInt(4);
      u.tripStart = 1 + r.nextInt(Math.max(1, days - length - 1));
      u.tripEnd = u.tripStart + length;
      u.tripCity = destination(u, r);
    }
    if (days >= 7 && r.nextDouble() < 0.12 * months) {
      int length = 3 + r.nextInt(7);
      int start = r.nextInt(Math.max(1, days - length));
      if (u.tripStart < 0 || start >= u.tripEnd || start + length <= u.tripStart) {
        u.vacationStart = start;
        u.vacationEnd = start + length;
      }
    }
    if (days >= 3 && r.nextDouble() < 0.05 * months) {
      u.newLaptopDay = 1 + r.nextInt(days - 1);
    }
    if (days >= 6 && r.nextDouble() < 0.02 * months) {
      u.activeFrom = 2 + r.nextInt(days - 4);
    }
  }

  private static City destination(SimUser u, SplittableRandom r) {
    List<City> options = new ArrayList<>();
    options.addAll(Places.SITES);
    options.addAll(Places.PARTNER_CITIES);
    options.addAll(Places.TRAVEL);
    for (Workspace w : u.workspaces) {
      // Visits go where the work is: the project's site or its partners, twice as likely.
      options.add(Places.SITES.get(w.site()));
      w.partners().forEach(p -> options.add(p.city()));
    }
    options.removeIf(c -> c.country().equals(u.home.country()));
    return options.get(r.nextInt(options.size()));
  }
}
