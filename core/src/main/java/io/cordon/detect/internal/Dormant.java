package io.cordon.detect.internal;

import io.cordon.detect.Event;
import io.cordon.detect.Severity;
import java.util.Locale;

/**
 * An account active again after a silence of at least the configured dormancy period and at least
 * three times its longest earlier silence (so a user who always vanishes for a month is not news).
 * Medium. Not subject to warm-up: a user the engine has never seen is not dormant, it is new.
 */
public final class Dormant implements Detector {
  public static final String NAME = "dormant_reactivation";

  private final long dormantAfter;

  public Dormant(long dormantAfterMillis) {
    this.dormantAfter = dormantAfterMillis;
  }

  @Override
  public void observe(Event e, UserProfile u, PeerGroup peer, Raise out) {
    if (u.lastSeen == Long.MIN_VALUE) {
      return;
    }
    long gap = e.timeMillis() - u.lastSeen;
    if (gap >= dormantAfter && gap >= 3 * u.longestGap) {
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
              "first activity (%s) after %.1f days of silence; longest earlier silence %.1f days",
              e.action(),
              days,
              u.longestGap / (double) UserProfile.DAY),
          Evidence.of("silentDays", days)
              .and("longestEarlierSilenceDays", u.longestGap / (double) UserProfile.DAY)
              .and("lastSeen", java.time.Instant.ofEpochMilli(u.lastSeen).toString())
              .map(),
          SeqList.of(e.seq()));
    }
    if (gap > u.longestGap) {
      u.longestGap = gap;
    }
  }
}
