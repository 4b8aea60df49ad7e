package io.cordon.simulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates the events of the injected scenarios, day by day. Each scenario is written to look like
 * the attack it names and to differ from its benign look-alike in the ways docs/simulation.md
 * describes (a takeover comes from a country the user never visited, on a device never seen; a
 * departure's downloads are ten times a deadline rush's; and so on).
 */
final class ScenarioEvents {
  private static final long HOUR = 3_600_000L;
  private static final long MINUTE = 60_000L;
  private static final String ATTACKER_AGENT =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/118.0 Safari/537.36";

  private final World world;
  private final Timeline timeline;

  ScenarioEvents(World world, Timeline timeline) {
    this.world = world;
    this.timeline = timeline;
  }

  void generate(InjectedScenario s, int day, LocalDate date, SplittableRandom r) {
    long utcMidnight = date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
    SimUser u = s.victim;
    switch (s.type) {
      case EXFILTRATION_BEFORE_DEPARTURE -> departure(s, u, workTime(u, date, r), r);
      case ACCOUNT_TAKEOVER -> takeover(s, u, utcMidnight + r.nextLong(22 * HOUR), r);
      case IMPOSSIBLE_TRAVEL -> travel(s, u, workTime(u, date, r), r);
      case PASSWORD_SPRAYING -> spraying(s, utcMidnight + r.nextLong(22 * HOUR), r);
      case CREDENTIAL_STUFFING -> stuffing(s, utcMidnight + r.nextLong(21 * HOUR), r);
      case MASS_EXTERNAL_SHARING -> sharing(s, u, workTime(u, date, r), r);
      case LOW_AND_SLOW_EXFILTRATION -> slow(s, u, day, date, r);
      case PARTNER_OVERREACH -> overreach(s, u, workTime(u, date, r), r);
      case DORMANT_REACTIVATION -> dormant(s, u, workTime(u, date, r), r);
    }
  }

  /** A time in the user's own working hours of that local day. */
  private static long workTime(SimUser u, LocalDate date, SplittableRandom r) {
    long midnight = date.atStartOfDay(u.zone()).toInstant().toEpochMilli();
    return midnight
        + u.workStartMinute * MINUTE
        + r.nextLong(Math.max(1, u.workMinutes - 150) * MINUTE);
  }

  private SimEvent.Access usual(SimUser u, SplittableRandom r) {
    if (u.org.isHome()) {
      return new SimEvent.Access(
          "web", Places.officeIp(u.site, r), "office", u.home, u.laptop, u.laptopAgent);
    }
    return new SimEvent.Access(
        "web",
        Places.partnerOfficeIp(u.org.number(), r),
        "internet",
        u.org.city(),
        u.laptop,
        u.laptopAgent);
  }

  private SimEvent.Access attacker(
      InjectedScenario s, City city, boolean hosting, SplittableRandom r) {
    String ip = hosting ? Places.hostingIp(city, r) : Places.consumerIp(city, r);
    s.ips.add(ip);
    s.notes.put("country", city.country());
    return new SimEvent.Access("web", ip, "internet", city, Ids.next("d-", r), ATTACKER_AGENT);
  }

  private void departure(InjectedScenario s, SimUser u, long start, SplittableRandom r) {
    Visit v = new Visit(timeline, u, usual(u, r), start, s.index, r).login();
    int n = 40 + r.nextInt(110);
    for (int i = 0; i < n; i++) {
      Workspace w = u.workspaces.get(r.nextInt(u.workspaces.size()));
      v.act("file.download", sensitive(w, r)).pause(5_000, 60_000);
    }
    if (r.nextInt(10) < 3) {
      String guest = Ids.next("u-", r);
      for (int i = 0; i < 3; i++) {
        Workspace w = u.workspaces.get(r.nextInt(u.workspaces.size()));
        v.share(
            sensitive(w, r),
            List.of(guest),
            i == 0 ? List.of(guest) : List.of(),
            Ids.next("sh-", r));
        v.pause(10_000, 40_000);
      }
    }
    v.logout();
    s.notes.put("downloads", n);
  }

  private void takeover(InjectedScenario s, SimUser u, long start, SplittableRandom r) {
    City city = unknownCity(u, r);
    SimEvent.Access a = attacker(s, city, r.nextBoolean(), r);
    long t = start;
    for (int i = 0, n = r.nextInt(3); i < n; i++) {
      Visit.failedLogin(timeline, u.username, SimEvent.Target.user(u), a, t, s.index);
      t += 20_000 + r.nextLong(60_000);
    }
    Visit v = new Visit(timeline, u, a, t, s.index, r).login();
    for (int i = 0, n = 5 + r.nextInt(10); i < n; i++) {
      Workspace w = u.workspaces.get(r.nextInt(u.workspaces.size()));
      v.act("file.view", DailyActivity.pickFile(u, w, r)).pause(5_000, 40_000);
    }
    for (int i = 0, n = 10 + r.nextInt(30); i < n; i++) {
      Workspace w = u.workspaces.get(r.nextInt(u.workspaces.size()));
      v.act("file.download", sensitive(w, r)).pause(3_000, 30_000);
    }
    if (r.nextInt(10) < 4) {
      String guest = Ids.next("u-", r);
      Workspace w = u.workspaces.getFirst();
      v.share(sensitive(w, r), List.of(guest), List.of(guest), Ids.next("sh-", r));
    }
  }

  private void travel(InjectedScenario s, SimUser u, long start, SplittableRandom r) {
    // The user's own sitting at home, benign; then, too soon to have flown, a sitting far away.
    Visit own = new Visit(timeline, u, usual(u, r), start, -1, r).login();
    for (int i = 0, n = 2 + r.nextInt(4); i < n; i++) {
      own.act("file.view", DailyActivity.pickFile(u, u.workspaces.getFirst(), r)).think();
    }
    City far = farCity(u, r);
    SimEvent.Access a = attacker(s, far, r.nextBoolean(), r);
    if (r.nextBoolean()) {
      a = new SimEvent.Access(a.channel(), a.ip(), a.zone(), a.geo(), u.laptop, u.laptopAgent);
    }
    s.notes.put("kilometres", Math.round(u.home.kilometresTo(far)));
    Visit v =
        new Visit(timeline, u, a, own.now + 20 * MINUTE + r.nextLong(100 * MINUTE), s.index, r);
    v.login();
    for (int i = 0, n = 3 + r.nextInt(10); i < n; i++) {
      Workspace w = u.workspaces.get(r.nextInt(u.workspaces.size()));
      v.act(r.nextBoolean() ? "file.view" : "file.download", DailyActivity.pickFile(u, w, r))
          .think();
    }
  }

  private void spraying(InjectedScenario s, long start, SplittableRandom r) {
    City city = Places.ATTACKER.get(r.nextInt(Places.ATTACKER.size()));
    SimEvent.Access a = attacker(s, city, true, r);
    a = new SimEvent.Access("web", a.ip(), a.zone(), a.geo(), null, "python-requests/2.32.3");
    List<SimUser> all = world.users;
    int targets = Math.min(all.size(), 30 + r.nextInt(120));
    long t = start;
    long span = (20 + r.nextInt(40)) * MINUTE;
    for (int i = 0; i < targets; i++) {
      boolean unknown = r.nextInt(5) == 0;
      String username;
      SimEvent.Target known = null;
      if (unknown) {
        username = guessedName(r);
      } else {
        SimUser victim = all.get(r.nextInt(all.size()));
        username = victim.username;
        known = SimEvent.Target.user(victim);
      }
      s.targets.add(username);
      Visit.failedLogin(timeline, username, known, a, t, s.index);
      t += span / targets;
    }
    s.notes.put("attempts", targets);
  }

  private void stuffing(InjectedScenario s, long start, SplittableRandom r) {
    List<SimEvent.Access> bots = new ArrayList<>();
    for (int i = 0, n = 20 + r.nextInt(60); i < n; i++) {
      City city = Places.ATTACKER.get(r.nextInt(Places.ATTACKER.size()));
      SimEvent.Access a = attacker(s, city, false, r);
      bots.add(new SimEvent.Access("api", a.ip(), a.zone(), a.geo(), null, "okhttp/4.12.0"));
    }
    s.notes.remove("country");
    int attempts = 100 + r.nextInt(300);
    long t = start;
    long span = (30 + r.nextInt(90)) * MINUTE;
    List<SimUser> all = world.users;
    int successes = 0;
    for (int i = 0; i < attempts; i++) {
      SimEvent.Access a = bots.get(r.nextInt(bots.size()));
      if (r.nextInt(10) < 7) {
        Visit.failedLogin(timeline, guessedName(r), null, a, t, s.index);
      } else {
        SimUser victim = all.get(r.nextInt(all.size()));
        s.targets.add(victim.username);
        if (successes < 2 && !victim.integration && !victim.claimed && r.nextInt(12) == 0) {
          // A reused password that works: the account is now the attacker's.
          successes++;
          victim.claimed = true;
          s.users.add(victim.username);
          Visit v = new Visit(timeline, victim, a, t, s.index, r).login();
          for (int k = 0, n = 3 + r.nextInt(6); k < n; k++) {
            Workspace w = victim.workspaces.getFirst();
            v.act("file.download", sensitive(w, r)).pause(2_000, 15_000);
          }
        } else {
          Visit.failedLogin(timeline, victim.username, SimEvent.Target.user(victim), a, t, s.index);
        }
      }
      t += span / attempts;
    }
    s.notes.put("attempts", attempts);
  }

  private void sharing(InjectedScenario s, SimUser u, long start, SplittableRandom r) {
    Visit v = new Visit(timeline, u, usual(u, r), start, s.index, r).login();
    int n = 15 + r.nextInt(36);
    String domain = String.format(Locale.ROOT, "mail%02d.example", r.nextInt(40));
    List<String> guests = new ArrayList<>();
    for (int i = 0, g = 1 + r.nextInt(3); i < g; i++) {
      guests.add(Ids.next("u-", r));
    }
    List<SimFile> shared = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Workspace w = u.workspaces.get(r.nextInt(u.workspaces.size()));
      SimFile f = sensitive(w, r);
      v.share(f, guests, i == 0 ? guests : List.of(), Ids.next("sh-", r));
      shared.add(f);
      v.pause(15_000, 60_000);
    }
    v.logout();
    City where = Places.ATTACKER.get(r.nextInt(Places.ATTACKER.size()));
    SimEvent.Access a = attacker(s, where, false, r);
    String guest = "recipient." + Ids.hex(r, 6) + "@" + domain;
    s.targets.add(guest);
    SimEvent.Actor actor = new SimEvent.Actor(guests.getFirst(), guest, null, null, List.of());
    long t = v.now + 5 * MINUTE + r.nextLong(40 * MINUTE);
    for (SimFile f : shared) {
      timeline.add(
          t,
          actor,
          Ids.next("s-", r),
          "password",
          "share.access",
          SimEvent.Target.file(f),
          "success",
          null,
          a,
          java.util.Map.of("bytes", f.typicalBytes()),
          s.index);
      t += 10_000 + r.nextLong(50_000);
    }
    s.notes.put("shares", n);
  }

  private void slow(InjectedScenario s, SimUser u, int day, LocalDate date, SplittableRandom r) {
    java.time.DayOfWeek dow = date.getDayOfWeek();
    if (dow == java.time.DayOfWeek.SATURDAY || dow == java.time.DayOfWeek.SUNDAY) {
      return;
    }
    Visit v = new Visit(timeline, u, usual(u, r), workTime(u, date, r), s.index, r).login();
    for (int i = 0, n = 6 + r.nextInt(10); i < n; i++) {
      Workspace w = u.workspaces.get(r.nextInt(u.workspaces.size()));
      v.act("file.download", sensitive(w, r)).pause(60_000, 15 * MINUTE);
    }
    v.logout();
    s.notes.put("days", s.lastDay - s.firstDay + 1);
  }

  private void overreach(InjectedScenario s, SimUser u, long start, SplittableRandom r) {
    List<Workspace> unfamiliar = new ArrayList<>();
    for (Workspace w : world.workspaces) {
      if (ScenarioPlanner.isUnfamiliar(u, w)) {
        unfamiliar.add(w);
      }
    }
    List<Workspace> probed = new ArrayList<>();
    for (int i = 0, n = Math.min(unfamiliar.size(), 2 + r.nextInt(3)); i < n; i++) {
      probed.add(unfamiliar.get(r.nextInt(unfamiliar.size())));
    }
    Visit v = new Visit(timeline, u, usual(u, r), start, s.index, r).login();
    for (int i = 0, n = 20 + r.nextInt(40); i < n; i++) {
      Workspace w = probed.get(r.nextInt(probed.size()));
      SimFile f = w.files().get(r.nextInt(w.files().size()));
      if (r.nextInt(6) == 0) {
        v.act("file.download", f, "denied", "not a member of the workspace", java.util.Map.of());
      } else {
        v.act(r.nextInt(3) == 0 ? "file.download" : "file.view", f);
      }
      v.pause(10_000, 90_000);
    }
    s.notes.put("workspaces", probed.stream().map(Workspace::id).distinct().toList());
  }

  private void dormant(InjectedScenario s, SimUser u, long start, SplittableRandom r) {
    City where = u.home;
    String ip = Places.consumerIp(where, r);
    s.ips.add(ip);
    SimEvent.Access a =
        new SimEvent.Access("web", ip, "internet", where, Ids.next("d-", r), u.laptopAgent);
    Visit v = new Visit(timeline, u, a, start, s.index, r).login();
    for (int i = 0, n = 15 + r.nextInt(26); i < n; i++) {
      Workspace w = u.workspaces.get(r.nextInt(u.workspaces.size()));
      v.act("file.download", sensitive(w, r)).pause(10_000, 90_000);
    }
    s.notes.put("silentDays", s.firstDay - u.silentFrom);
  }

  private static SimFile sensitive(Workspace w, SplittableRandom r) {
    for (int i = 0; i < 20; i++) {
      SimFile f = w.files().get(r.nextInt(w.files().size()));
      if (f.isSensitive()) {
        return f;
      }
    }
    return w.files().get(r.nextInt(w.files().size()));
  }

  private static City unknownCity(SimUser u, SplittableRandom r) {
    for (int i = 0; i < 50; i++) {
      City c = Places.ATTACKER.get(r.nextInt(Places.ATTACKER.size()));
      if (!u.knowsCountry(c.country()) && c.kilometresTo(u.home) > 1500) {
        return c;
      }
    }
    return farCity(u, r);
  }

  private static City farCity(SimUser u, SplittableRandom r) {
    City best = Places.ATTACKER.getFirst();
    for (int i = 0; i < 50; i++) {
      City c = Places.ATTACKER.get(r.nextInt(Places.ATTACKER.size()));
      if (!u.knowsCountry(c.country()) && c.kilometresTo(u.home) > 6000) {
        return c;
      }
      if (c.kilometresTo(u.home) > best.kilometresTo(u.home)) {
        best = c;
      }
    }
    return best;
  }

  private static String guessedName(SplittableRandom r) {
    String[] stems = {"admin", "test", "info", "support", "user", "helpdesk", "finance", "hr"};
    return stems[r.nextInt(stems.length)]
        + (r.nextBoolean() ? "" : String.valueOf(r.nextInt(1000)))
        + "@"
        + (r.nextBoolean() ? "cdmo.example" : "mail" + r.nextInt(40) + ".example");
  }
}
