package io.cordon.server.bench;

import io.cordon.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Audit events shaped like a busy installation's: 500 users of 20 organisations acting on 20,000
 * files in 40 workspaces (downloads, uploads, logins, denials, with full actor, object and context;
 * about 700 bytes of JSON each), drawn from a seeded generator so two runs write the same trail. A
 * fixed pool is generated up front and handed out in turn, so that producing events costs the
 * measured loop next to nothing. Thread-safe.
 */
final class SyntheticEvents {
  private static final int POOL = 4096;
  private static final int USERS = 500;
  private static final int FILES = 20_000;
  private static final int WORKSPACES = 40;
  private static final String[] ACTIONS = {
    "file.download", "file.upload", "file.view", "auth.login", "share.access", "file.download"
  };
  private static final String[] NAMES = {
    "batch-record-2026-114.pdf", "coa-lot-7741.pdf", "tech-transfer-package.zip", "stability.xlsx"
  };
  private static final String[] COUNTRIES = {"DE", "US", "CH", "IE", "IN"};

  private final AuditEvent[] pool = new AuditEvent[POOL];
  private final AtomicLong next = new AtomicLong();

  SyntheticEvents(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] workspaces = ids(random, "w-", WORKSPACES);
    String[] users = ids(random, "u-", USERS);
    String[] orgs = ids(random, "o-", USERS / 25);
    String[] files = ids(random, "f-", FILES);
    Instant start = Instant.parse("2026-11-01T08:00:00Z");
    for (int i = 0; i < POOL; i++) {
      int user = random.nextInt(USERS);
      int file = random.nextInt(FILES);
      pool[i] =
          event(
              random,
              start.plusMillis(i * 1731L),
              new AuditEvent.Actor(
                  Optional.of(users[user]),
                  Optional.of("user" + user + "@partner" + user % 25 + ".example"),
                  Optional.of(orgs[user % orgs.length]),
                  Optional.of(user % 3 == 0 ? "home" : "partner"),
                  List.of("member"),
                  Optional.of("s-" + hex(random, 24)),
                  Optional.of("password+totp")),
              new AuditEvent.AuditObject(
                  "file",
                  files[file],
                  Optional.of(NAMES[file % NAMES.length]),
                  Optional.of(workspaces[file % WORKSPACES]),
                  Optional.of("confidential"),
                  List.of("GXP")));
    }
  }

  /** The next event (seq 0; the log numbers it). */
  AuditEvent next() {
    return pool[(int) (next.getAndIncrement() % POOL)];
  }

  private static AuditEvent event(
      SplittableRandom r, Instant time, AuditEvent.Actor actor, AuditEvent.AuditObject object) {
    boolean denied = r.nextInt(20) == 0;
    return new AuditEvent(
        0,
        time,
        actor,
        ACTIONS[r.nextInt(ACTIONS.length)],
        Optional.of(object),
        denied ? AuditEvent.Outcome.DENIED : AuditEvent.Outcome.SUCCESS,
        denied ? Optional.of("the partner's agreement has expired") : Optional.empty(),
        new AuditEvent.EventContext(
            "api",
            Optional.of("203.0.113." + r.nextInt(256)),
            Optional.of("internet"),
            Optional.of(
                new AuditEvent.Geo(
                    Optional.of(COUNTRIES[r.nextInt(COUNTRIES.length)]),
                    Optional.empty(),
                    Optional.of(-90 + r.nextDouble() * 180),
                    Optional.of(-180 + r.nextDouble() * 360))),
            Optional.of("d-" + hex(r, 16)),
            Optional.of("curl/8.5.0")),
        Map.of("bytes", r.nextLong(1, 1L << 31), "version", r.nextInt(1, 9)));
  }

  private static String[] ids(SplittableRandom r, String prefix, int count) {
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = prefix + hex(r, 24);
    }
    return ids;
  }

  private static String hex(SplittableRandom r, int digits) {
    StringBuilder s = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      s.append(Character.forDigit(r.nextInt(16), 16));
    }
    return s.toString();
  }
}
