package io.cordon.simulate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One user's benign activity on one local day: sittings in working hours of their own time zone
 * (fewer on weekends and holidays, none on vacation), the odd late night, deadline rushes in a
 * workspace, travel days worked from a hotel or over the VPN, and instrument integrations that
 * upload every hour around the clock. Heavy users act several times more than light ones.
 */
final class DailyActivity {
  private static final long HOUR = 3_600_000L;
  private static final long MINUTE = 60_000L;

  private final World world;
  private final Timeline timeline;

  DailyActivity(World world, Timeline timeline) {
    this.world = world;
    this.timeline = timeline;
  }

  void generate(SimUser u, int day, LocalDate date, SplittableRandom r) {
    if (!u.isActive(day)) {
      return;
    }
    if (u.integration) {
      integration(u, date, r);
      return;
    }
    Trip trip = Trip.of(u, world.settings.start());
    boolean abroad = trip != null && day > u.tripStart && day < u.tripEnd;
    ZoneId zone = abroad ? u.tripCity.zone() : u.zone();
    long midnight = date.atStartOfDay(zone).toInstant().toEpochMilli();
    boolean weekend =
        date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    boolean holiday = Holidays.isHoliday(u.home.country(), date);
    boolean deadline = u.workspaces.stream().anyMatch(w -> w.isDeadline(day));
    List<Long> starts = new ArrayList<>();
    if (weekend || holiday) {
      if (r.nextInt(100) < (deadline ? 30 : 6)) {
        starts.add(midnight + 10 * HOUR + r.nextLong(8 * HOUR));
      }
    } else {
      int sittings = 1 + poisson(u.level * 0.8, r) + (deadline ? 1 : 0);
      for (int i = 0; i < Math.min(sittings, 7); i++) {
        long jitter = (long) (r.nextGaussian() * 20 * MINUTE);
        starts.add(
            midnight + u.workStartMinute * MINUTE + jitter + r.nextLong(u.workMinutes * MINUTE));
      }
      if (r.nextInt(100) < (deadline ? 15 : 4)) {
        // A late night: after dinner, sometimes past midnight.
        starts.add(midnight + 21 * HOUR + r.nextLong(3 * HOUR + 30 * MINUTE));
      }
    }
    starts.sort(null);
    long busyUntil = Long.MIN_VALUE;
    for (long start : starts) {
      start = Math.max(start, busyUntil + 10 * MINUTE);
      City where = trip == null ? u.home : trip.whereAt(start);
      if (where == null) {
        continue; // in the air
      }
      busyUntil = sitting(u, day, start, where, deadline, r);
    }
  }

  private long sitting(
      SimUser u, int day, long start, City where, boolean deadline, SplittableRandom r) {
    Visit v = new Visit(timeline, u, access(u, day, where, r), start, -1, r);
    if (r.nextInt(100) < 3) {
      v.typo();
    }
    v.login();
    int actions = 1 + poisson(u.level * 5 * (deadline ? 2.2 : 1), r);
    for (int i = 0; i < actions; i++) {
      Workspace w = pickWorkspace(u, day, r);
      SimFile f = pickFile(u, w, r);
      String action = pickAction(u, r);
      if (action.equals("share.create")) {
        share(u, v, w, f, r);
      } else {
        v.act(action, f);
      }
      v.think();
    }
    if (deadline && u.org.isHome() && r.nextInt(4) == 0) {
      // The night-before-delivery push: a batch of documents shared with the sponsor.
      Workspace w = u.workspaces.stream().filter(x -> x.isDeadline(day)).findFirst().orElseThrow();
      for (int i = 0, n = 3 + r.nextInt(6); i < n; i++) {
        share(u, v, w, pickFile(u, w, r), r);
        v.pause(20_000, 120_000);
      }
    }
    if (r.nextInt(10) < 6) {
      v.logout();
    }
    return v.now;
  }

  private void share(SimUser u, Visit v, Workspace w, SimFile f, SplittableRandom r) {
    List<String> recipients = new ArrayList<>();
    List<String> invited = new ArrayList<>();
    List<SimUser> partnerUsers =
        w.partners().isEmpty()
            ? List.of()
            : world.usersOf(w.partners().get(r.nextInt(w.partners().size())));
    if (!partnerUsers.isEmpty() && r.nextInt(10) < 9) {
      recipients.add(partnerUsers.get(r.nextInt(partnerUsers.size())).id);
    } else {
      String guest = Ids.next("u-", r);
      recipients.add(guest);
      invited.add(guest);
    }
    v.share(f, recipients, invited, Ids.next("sh-", r));
  }

  private SimEvent.Access access(SimUser u, int day, City where, SplittableRandom r) {
    String laptop = u.laptopOn(day);
    boolean phone = r.nextInt(100) < 8;
    String device = phone ? u.phone : laptop;
    String agent = phone ? u.phoneAgent : u.laptopAgent;
    if (phone) {
      return new SimEvent.Access(
          "web", Places.consumerIp(where, r), "internet", where, device, agent);
    }
    if (where != u.home) {
      if (u.org.isHome() && r.nextInt(10) < 4) {
        City site = Places.SITES.get(u.site);
        return new SimEvent.Access("web", Places.vpnIp(u.site, r), "vpn", site, device, agent);
      }
      return new SimEvent.Access(
          "web", Places.hostingIp(where, r), "internet", where, device, agent);
    }
    int x = r.nextInt(100);
    if (u.org.isHome()) {
      if (x < 62) {
        return new SimEvent.Access(
            "web", Places.officeIp(u.site, r), "office", u.home, device, agent);
      }
      if (x < 70) {
        return new SimEvent.Access("web", Places.vpnIp(u.site, r), "vpn", u.home, device, agent);
      }
      return new SimEvent.Access("web", u.homeIp, "internet", u.home, device, agent);
    }
    if (x < 65) {
      return new SimEvent.Access(
          x < 5 ? "sftp" : "web",
          Places.partnerOfficeIp(u.org.number(), r),
          "internet",
          u.org.city(),
          device,
          agent);
    }
    return new SimEvent.Access("web", u.homeIp, "internet", u.home, device, agent);
  }

  private void integration(SimUser u, LocalDate date, SplittableRandom r) {
    long midnight = date.atStartOfDay(u.zone()).toInstant().toEpochMilli();
    City site = Places.SITES.get(u.site);
    SimEvent.Access access =
        new SimEvent.Access(
            "api", Places.officeIp(u.site, r), "office", site, null, "lims-connector/4.2");
    for (int h = 0; h < 24; h++) {
      Visit v =
          new Visit(timeline, u, access, midnight + h * HOUR + r.nextLong(10 * MINUTE), -1, r);
      Workspace w = u.workspaces.getFirst();
      for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
        v.act("file.upload", w.files().get(r.nextInt(w.files().size()))).pause(1_000, 30_000);
      }
    }
  }

  static Workspace pickWorkspace(SimUser u, int day, SplittableRandom r) {
    for (Workspace w : u.workspaces) {
      if (w.isDeadline(day) && r.nextBoolean()) {
        return w;
      }
    }
    return r.nextInt(2) == 0
        ? u.workspaces.getFirst()
        : u.workspaces.get(r.nextInt(u.workspaces.size()));
  }

  /** Mostly the user's own working set in the workspace, else the workspace's popular files. */
  static SimFile pickFile(SimUser u, Workspace w, SplittableRandom r) {
    List<SimFile> files = w.files();
    if (r.nextInt(10) < 6) {
      int k = r.nextInt(8);
      return files.get(Math.floorMod(u.index * 7919 + k * 104_729, files.size()));
    }
    return files.get((int) (files.size() * Math.pow(r.nextDouble(), 2.5)));
  }

  private static String pickAction(SimUser u, SplittableRandom r) {
    int x = r.nextInt(100);
    if (!u.org.isHome()) {
      return x < 45 ? "file.view" : x < 85 ? "file.download" : "file.upload";
    }
    if (u.roles.contains("signer") && x >= 96) {
      return "signature.create";
    }
    return x < 42
        ? "file.view"
        : x < 72 ? "file.download" : x < 94 ? "file.upload" : x < 96 ? "share.create" : "file.view";
  }

  static int poisson(double lambda, SplittableRandom r) {
    double l = Math.exp(-Math.min(lambda, 60));
    int k = 0;
    double p = r.nextDouble();
    while (p > l) {
      k++;
      p *= r.nextDouble();
    }
    return k;
  }

  /** A business trip's legs: where the user is at a given time (null while flying). */
  record Trip(
      City home, City away, long departOut, long arriveOut, long departBack, long arriveBack) {
    static Trip of(SimUser u, LocalDate start) {
      if (u.tripCity == null) {
        return null;
      }
      long out =
          start.plusDays(u.tripStart).atTime(8, 0).atZone(u.zone()).toInstant().toEpochMilli();
      long back =
          start
              .plusDays(u.tripEnd)
              .atTime(8, 0)
              .atZone(u.tripCity.zone())
              .toInstant()
              .toEpochMilli();
      long flight = Places.travelMillis(u.home, u.tripCity);
      return new Trip(u.home, u.tripCity, out, out + flight, back, back + flight);
    }

    City whereAt(long t) {
      if (t < departOut - 2 * HOUR) {
        return home;
      }
      if (t < arriveOut + HOUR) {
        return null;
      }
      if (t < departBack - 2 * HOUR) {
        return away;
      }
      if (t < arriveBack + HOUR) {
        return null;
      }
      return home;
    }
  }

  static Map<String, Object> bytes(long n) {
    return Map.of("bytes", n);
  }
}
