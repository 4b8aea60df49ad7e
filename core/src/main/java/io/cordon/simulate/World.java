package io.cordon.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The simulated organisations, workspaces, files and users, drawn from the seed. The CDMO has about
 * 60% of the users across five sites in four time zones; the rest belong to partner sponsors, CROs
 * and labs in Europe, North America and Asia. Immutable after {@link #build} except for the
 * per-user schedule that scenarios adjust.
 */
final class World {
  private static final String[] SPONSOR_NAMES = {
    "Aurelia Therapeutics",
    "Borealis Pharma",
    "Cobalt Biosciences",
    "Delphin Oncology",
    "Eos Vaccines",
    "Fjord Medicines",
    "Granite Bio",
    "Halcyon Rx",
    "Iris Genomics",
    "Juniper Pharma",
    "Kestrel Biologics",
    "Lumen Therapeutics"
  };
  private static final String[] HOME_ROLES = {
    "qa",
    "qa",
    "qa",
    "scientist",
    "scientist",
    "scientist",
    "scientist",
    "project_manager",
    "project_manager",
    "manufacturing",
    "manufacturing",
    "regulatory"
  };
  private static final String[] AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/132.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Edg/130.0 Safari/537.36"
  };
  private static final String[] PHONE_AGENTS = {
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36"
  };

  final SimulationSettings settings;
  final Org home;
  final List<Org> partners;
  final List<Workspace> workspaces;
  final List<SimUser> users;
  private final java.util.Map<Integer, List<SimUser>> byOrg = new java.util.HashMap<>();

  private World(
      SimulationSettings settings,
      Org home,
      List<Org> partners,
      List<Workspace> workspaces,
      List<SimUser> users) {
    this.settings = settings;
    this.home = home;
    this.partners = partners;
    this.workspaces = workspaces;
    this.users = users;
    for (SimUser u : users) {
      byOrg.computeIfAbsent(u.org.number(), k -> new ArrayList<>()).add(u);
    }
  }

  /** The users of an organisation, in index order. */
  List<SimUser> usersOf(Org org) {
    return byOrg.getOrDefault(org.number(), List.of());
  }

  static World build(SimulationSettings s) {
    SplittableRandom r = new SplittableRandom(s.seed() ^ 0x5EEDC0DEL);
    Org home =
        new Org(
            0,
            Ids.next("o-", r),
            "Helix CDMO",
            "cdmo.example",
            "home",
            "cdmo",
            Places.SITES.get(0));
    int partnerCount = Math.max(3, (int) Math.ceil(s.users() / 25.0));
    List<Org> partners = new ArrayList<>();
    for (int i = 0; i < partnerCount; i++) {
      String type = i % 5 == 3 ? "cro" : i % 5 == 4 ? "lab" : "sponsor";
      String base =
          switch (type) {
            case "cro" -> "Clinical Research Partner " + (i + 1);
            case "lab" -> "Analytical Lab " + (i + 1);
            default ->
                SPONSOR_NAMES[i % SPONSOR_NAMES.length]
                    + (i >= SPONSOR_NAMES.length ? " " + (i / SPONSOR_NAMES.length + 1) : "");
          };
      String domain = String.format(Locale.ROOT, "%s%02d.example", type, i + 1);
      City city = Places.PARTNER_CITIES.get(r.nextInt(Places.PARTNER_CITIES.size()));
      partners.add(new Org(i + 1, Ids.next("o-", r), base, domain, "partner", type, city));
    }
    List<Workspace> workspaces = workspaces(s, r, partners);
    List<SimUser> users = new ArrayList<>(s.users());
    int homeUsers = Math.max(1, (int) Math.round(s.users() * 0.6));
    for (int i = 0; i < s.users(); i++) {
      SplittableRandom ur = r.split();
      SimUser u =
          i < homeUsers
              ? homeUser(i, home, workspaces, ur)
              : partnerUser(i, partners.get((i - homeUsers) % partners.size()), workspaces, ur);
      BenignSurprises.plan(u, s.days(), ur);
      users.add(u);
    }
    return new World(s, home, partners, workspaces, users);
  }

  private static List<Workspace> workspaces(
      SimulationSettings s, SplittableRandom r, List<Org> partners) {
    int count = Math.max(2, s.users() / 12);
    List<List<Org>> members = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<Org> orgs = new ArrayList<>();
      orgs.add(partners.get(i % partners.size()));
      if (r.nextInt(10) < 4) {
        Org extra = partners.get(r.nextInt(partners.size()));
        if (!orgs.contains(extra)) {
          orgs.add(extra);
        }
      }
      members.add(orgs);
    }
    List<Workspace> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = Ids.next("w-", r);
      Org sponsor = members.get(i).getFirst();
      String name = sponsor.name() + " project " + (char) ('A' + i % 26) + (i / 26 + 1);
      int deadlines = Math.max(1, (int) Math.round(s.days() / 20.0 * r.nextDouble(0.5, 1.5)));
      int[] days = new int[deadlines];
      for (int d = 0; d < deadlines; d++) {
        days[d] = r.nextInt(s.days());
      }
      list.add(
          new Workspace(
              id,
              name,
              r.nextInt(Places.SITES.size()),
              members.get(i),
              FileCatalogue.filesOf(id, 30 + r.nextInt(220), r),
              days));
    }
    return List.copyOf(list);
  }

  private static SimUser homeUser(int i, Org home, List<Workspace> all, SplittableRandom r) {
    int site = siteOf(r);
    boolean integration = r.nextInt(60) == 0;
    String role = integration ? "integration" : HOME_ROLES[r.nextInt(HOME_ROLES.length)];
    List<Workspace> mine = new ArrayList<>();
    int wanted = integration ? 1 : 1 + r.nextInt(Math.min(5, all.size()));
    for (int tries = 0; mine.size() < wanted && tries < 50; tries++) {
      Workspace w = all.get(r.nextInt(all.size()));
      if ((w.site() == site || r.nextInt(10) < 3) && !mine.contains(w)) {
        mine.add(w);
      }
    }
    if (mine.isEmpty()) {
      mine.add(all.get(r.nextInt(all.size())));
    }
    String prefix = integration ? "lims-integration" : role.replace("project_manager", "pm");
    String auth =
        integration
            ? "token"
            : r.nextInt(10) < 5 ? "password+totp" : r.nextInt(5) < 3 ? "webauthn" : "sso";
    List<String> roles =
        role.equals("qa") && r.nextInt(4) == 0 ? List.of("qa", "signer") : List.of(role);
    return user(i, home, roles, Places.SITES.get(site), site, prefix, auth, integration, mine, r);
  }

  private static SimUser partnerUser(int i, Org org, List<Workspace> all, SplittableRandom r) {
    List<Workspace> theirs = new ArrayList<>();
    for (Workspace w : all) {
      if (w.partners().contains(org)) {
        theirs.add(w);
      }
    }
    List<Workspace> mine = new ArrayList<>();
    int wanted = Math.min(theirs.size(), 1 + r.nextInt(3));
    while (mine.size() < wanted) {
      Workspace w = theirs.get(r.nextInt(theirs.size()));
      if (!mine.contains(w)) {
        mine.add(w);
      }
    }
    if (mine.isEmpty()) {
      mine.add(all.get(org.number() % all.size()));
    }
    String role =
        switch (org.type()) {
          case "cro" -> r.nextBoolean() ? "cro_analyst" : "cro_pm";
          case "lab" -> "lab_analyst";
          default ->
              r.nextInt(3) == 0 ? "sponsor_pm" : r.nextBoolean() ? "sponsor_qa" : "sponsor_cmc";
        };
    String auth = r.nextInt(10) < 7 ? "password+totp" : "password";
    return user(i, org, List.of(role), org.city(), -1, role, auth, false, mine, r);
  }

  private static SimUser user(
      int i,
      Org org,
      List<String> roles,
      City city,
      int site,
      String prefix,
      String auth,
      boolean integration,
      List<Workspace> workspaces,
      SplittableRandom r) {
    String username = String.format(Locale.ROOT, "%s.%04d@%s", prefix, i + 1, org.domain());
    double level =
        integration ? 4.0 : Math.min(8, Math.max(0.15, Math.exp(r.nextGaussian() * 0.7)));
    int start = 7 * 60 + r.nextInt(180);
    String homeIp = Places.consumerIp(city, r);
    String[] devices = {
      Ids.next("d-", r),
      AGENTS[r.nextInt(AGENTS.length)],
      Ids.next("d-", r),
      Ids.next("d-", r),
      PHONE_AGENTS[r.nextInt(PHONE_AGENTS.length)]
    };
    return new SimUser(
        i,
        Ids.next("u-", r),
        username,
        org,
        roles,
        city,
        site,
        level,
        start,
        480 + r.nextInt(120),
        auth,
        integration,
        workspaces,
        homeIp,
        devices);
  }

  private static int siteOf(SplittableRandom r) {
    int x = r.nextInt(100);
    return x < 25 ? 0 : x < 50 ? 1 : x < 70 ? 2 : x < 90 ? 3 : 4;
  }
}
