package io.cordon.detect.internal;

import io.cordon.detect.Event;
import io.cordon.detect.Outcome;
import io.cordon.detect.Severity;
import java.util.Locale;

/**
 * Password spraying, brute force and credential stuffing, from failed and successful sign-ins:
 *
 * <ul>
 *   <li>spraying: one address failing for {@link #SPRAY_USERS}+ distinct usernames within {@link
 *       #WINDOW_MS} (about the address; high);
 *   <li>brute force: one address failing {@link #BRUTE_FAILURES}+ times for one username in the
 *       window (about the user; medium);
 *   <li>credential stuffing: a success from an address that failed for several usernames in the
 *       last hour (about the user who got in; high);
 *   <li>distributed guessing: one username failing from {@link #DISTRIBUTED_ADDRESSES}+ addresses
 *       within the window (about the user; medium);
 *   <li>distributed spraying: across all users, {@link #GLOBAL_FAILURES}+ failures for {@link
 *       #GLOBAL_USERS}+ usernames from {@link #GLOBAL_ADDRESSES}+ addresses within {@link
 *       #GLOBAL_WINDOW_MS} (an attacker rotating addresses; about the address of the event that
 *       crossed, high, at most one per window).
 * </ul>
 *
 * State is per address and per username, each in a bounded LRU map with a fixed ring of recent
 * failures, so a flood from one address or of invented usernames costs a constant amount of memory.
 * No warm-up: attacks are judged on absolute counts.
 */
public final class AuthAttacks {
  public static final String SPRAYING = "password_spraying";
  public static final String BRUTE_FORCE = "brute_force";
  public static final String STUFFING = "credential_stuffing";
  public static final String DISTRIBUTED = "distributed_guessing";
  public static final String DISTRIBUTED_SPRAYING = "distributed_spraying";
  static final long GLOBAL_WINDOW_MS = 5 * 60_000L;
  static final int GLOBAL_FAILURES = 12;
  static final int GLOBAL_USERS = 8;
  static final int GLOBAL_ADDRESSES = 5;
  static final long WINDOW_MS = 10 * 60_000L;
  static final int SPRAY_USERS = 5;
  static final int BRUTE_FAILURES = 8;
  static final int DISTRIBUTED_ADDRESSES = 5;
  private static final int RING = 64;

  /** Recent failures seen from one address or for one username. */
  static final class Failures {
    final long[] times = new long[RING];
    final String[] keys = new String[RING];
    final long[] seqs = new long[RING];
    int next;
    long lastSprayAlert = Long.MIN_VALUE / 4;
    long lastBruteAlert = Long.MIN_VALUE / 4;

    void add(long time, String key, long seq) {
      times[next] = time;
      keys[next] = key;
      seqs[next] = seq;
      next = (next + 1) % RING;
    }

    /** Distinct keys among failures within {@code window} before {@code now}. */
    int distinct(long now, long window, SeqList evidence) {
      int n = 0;
      for (int i = 0; i < RING; i++) {
        if (keys[i] == null || now - times[i] > window) {
          continue;
        }
        evidence.add(seqs[i]);
        boolean seen = false;
        for (int j = 0; j < i && !seen; j++) {
          seen = keys[j] != null && now - times[j] <= window && keys[j].equals(keys[i]);
        }
        if (!seen) {
          n++;
        }
      }
      return n;
    }

    int count(long now, long window, String key) {
      int n = 0;
      for (int i = 0; i < RING; i++) {
        if (keys[i] != null && now - times[i] <= window && key.equals(keys[i])) {
          n++;
        }
      }
      return n;
    }
  }

  private final Failures global = new Failures();
  private final Failures globalAddresses = new Failures();
  private final Lru<String, Failures> byAddress;
  private final Lru<String, Failures> byUser;

  public AuthAttacks(int maxAddresses, int maxUsers) {
    byAddress = new Lru<>(maxAddresses);
    byUser = new Lru<>(maxUsers);
  }

  public int addresses() {
    return byAddress.size();
  }

  public static boolean isLogin(Event e) {
    return e.action().startsWith("auth.login");
  }

  public void observe(Event e, Raise out) {
    boolean failed = e.outcome() != Outcome.SUCCESS || e.action().equals("auth.login_failed");
    long now = e.timeMillis();
    String ip = e.ip();
    String user = e.user();
    if (!failed) {
      stuffing(e, out);
      return;
    }
    global(e, out);
    if (ip != null) {
      Failures f = byAddress.computeIfAbsent(ip, k -> new Failures());
      f.add(now, user == null ? "?" : user, e.seq());
      SeqList ev = new SeqList(RING);
      int users = f.distinct(now, WINDOW_MS, ev);
      if (users >= SPRAY_USERS && now - f.lastSprayAlert > WINDOW_MS) {
        f.lastSprayAlert = now;
        out.alert(
            e,
            null,
            ip,
            SPRAYING,
            Severity.HIGH,
            Math.min(0.95, 0.6 + 0.03 * users),
            String.format(
                Locale.ROOT,
                "%s failed to sign in as %d different usernames within %d minutes (%d failures)",
                ip,
                users,
                WINDOW_MS / 60_000,
                ev.total()),
            Evidence.of("usernames", users).and("failures", ev.total()).map(),
            ev);
      }
      if (user != null) {
        int tries = f.count(now, WINDOW_MS, user);
        if (tries >= BRUTE_FAILURES && now - f.lastBruteAlert > WINDOW_MS) {
          f.lastBruteAlert = now;
          out.alert(
              e,
              user,
              ip,
              BRUTE_FORCE,
              Severity.MEDIUM,
              0.7,
              String.format(
                  Locale.ROOT,
                  "%d failed sign-ins for %s from %s within %d minutes",
                  tries,
                  user,
                  ip,
                  WINDOW_MS / 60_000),
              Evidence.of("failures", tries).map(),
              SeqList.of(e.seq()));
        }
      }
    }
    if (user != null) {
      Failures g = byUser.computeIfAbsent(user, k -> new Failures());
      g.add(now, ip == null ? "?" : ip, e.seq());
      SeqList ev = new SeqList(RING);
      int addresses = g.distinct(now, WINDOW_MS, ev);
      if (addresses >= DISTRIBUTED_ADDRESSES && now - g.lastSprayAlert > WINDOW_MS) {
        g.lastSprayAlert = now;
        out.alert(
            e,
            user,
            ip,
            DISTRIBUTED,
            Severity.MEDIUM,
            0.7,
            String.format(
                Locale.ROOT,
                "%d failed sign-ins for %s from %d different addresses within %d minutes",
                ev.total(),
                user,
                addresses,
                WINDOW_MS / 60_000),
            Evidence.of("addresses", addresses).and("failures", ev.total()).map(),
            ev);
      }
    }
  }

  private void global(Event e, Raise out) {
    long now = e.timeMillis();
    global.add(now, e.user() == null ? "?" : e.user(), e.seq());
    globalAddresses.add(now, e.ip() == null ? "?" : e.ip(), e.seq());
    SeqList ev = new SeqList(RING);
    int users = global.distinct(now, GLOBAL_WINDOW_MS, ev);
    if (ev.total() < GLOBAL_FAILURES
        || users < GLOBAL_USERS
        || now - global.lastSprayAlert <= GLOBAL_WINDOW_MS) {
      return;
    }
    int addresses = globalAddresses.distinct(now, GLOBAL_WINDOW_MS, new SeqList(1));
    if (addresses < GLOBAL_ADDRESSES || e.ip() == null) {
      return;
    }
    global.lastSprayAlert = now;
    out.alert(
        e,
        null,
        e.ip(),
        DISTRIBUTED_SPRAYING,
        Severity.HIGH,
        0.8,
        String.format(
            Locale.ROOT,
            "%d failed sign-ins for %d usernames from %d addresses within %d minutes (latest %s)",
            ev.total(),
            users,
            addresses,
            GLOBAL_WINDOW_MS / 60_000,
            e.ip()),
        Evidence.of("failures", ev.total())
            .and("usernames", users)
            .and("addresses", addresses)
            .map(),
        ev);
  }

  private void stuffing(Event e, Raise out) {
    if (e.ip() == null || e.user() == null) {
      return;
    }
    Failures f = byAddress.get(e.ip());
    if (f == null) {
      return;
    }
    SeqList ev = new SeqList(RING);
    int users = f.distinct(e.timeMillis(), 6 * WINDOW_MS, ev);
    if (users >= SPRAY_USERS - 2 && f.count(e.timeMillis(), 6 * WINDOW_MS, e.user()) < users) {
      ev.add(e.seq());
      out.alert(
          e,
          e.user(),
          e.ip(),
          STUFFING,
          Severity.HIGH,
          0.85,
          String.format(
              Locale.ROOT,
              "%s signed in from %s, which failed for %d usernames in the past hour",
              e.user(),
              e.ip(),
              users),
          Evidence.of("failedUsernames", users).map(),
          ev);
    }
  }
}
