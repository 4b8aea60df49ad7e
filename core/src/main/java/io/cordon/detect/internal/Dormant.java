package io.cordon.detect.internal;

import io.cordon.detect.Event;
import io.cordon.detect.Outcome;
import io.cordon.detect.Severity;
import java.util.Locale;

/**
 * An account active again after a long silence: at least three times its longest earlier silence
 * (so a user who always vanishes for a month is not news), and either at least the configured
 * dormancy period, or at least {@link #UNFAMILIAR_AFTER_DAYS} days when the return comes from both
 * a device and a network the account has never used (a holiday ends on the usual laptop; a
 * taken-over dormant account wakes somewhere new). Medium. Not subject to warm-up: a user the
 * engine has never seen is not dormant, it is new.
 */
public final class Dormant implements Detector {
  public static final String NAME = "dormant_reactivation";

  /** The shorter silence that counts when the account returns from somewhere unfamiliar. */
  public static final int UNFAMILIAR_AFTER_DAYS = 14;

  private final long dormantAfter;

  public Dormant(long dormantAfterMillis) {
    this.dormantAfter = dormantAfterMillis;
  }

  @Override
  public void observe(Event e, UserProfile u, PeerGroup peer, Raise out) {
    if (e.outcome() != Outcome.SUCCESS) {
      return; // only the account's own successful use ends a silence, or reactivates it
    }
    long last = u.lastSucceeded;
    u.lastSucceeded = e.timeMillis();
    if (last == Long.MIN_VALUE) {
      return;
    }
    long gap = e.timeMillis() - last;
    boolean unfamiliar =
        e.device() != null
            && !u.devices.contains(e.device())
            && FirstSeen.network(e.ip()) != null
            && !u.networks.contains(FirstSeen.network(e.ip()));
    boolean silentLongEnough =
        gap >= dormantAfter || unfamiliar && gap >= UNFAMILIAR_AFTER_DAYS * UserProfile.DAY;
    if (silentLongEnough && gap >= 3 * u.longestGap) {
      double days = gap / (double) UserProfile.DAY;
      out.alert(
          e,
          u.user,
          e.ip(),
          NAME,
          Severity.MEDIUM,
          Math.min(0.9, 0.5 + days / 200),
          String.format(
              Locale.ROOT,
              "first activity (%s) after %.1f days of silence%s; longest earlier silence %.1f days",
              e.action(),
              days,
              unfamiliar ? ", from a device and a network this account never used" : "",
              u.longestGap / (double) UserProfile.DAY),
          Evidence.of("silentDays", days)
              .and("unfamiliarDeviceAndNetwork", unfamiliar)
              .and("longestEarlierSilenceDays", u.longestGap / (double) UserProfile.DAY)
              .and("lastSeen", java.time.Instant.ofEpochMilli(last).toString())
              .map(),
          SeqList.of(e.seq()));
    }
    if (gap > u.longestGap) {
      u.longestGap = gap;
    }
  }
}
