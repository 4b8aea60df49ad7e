package io.cordon.detect.internal;

import io.cordon.detect.Event;
import io.cordon.detect.Severity;
import java.util.Locale;

/**
 * A sensitive download at an hour of the day (and the hours either side) in which the user has done
 * less than {@link #RARE_SHARE} of its activity, relative to its own pattern rather than an office
 * timetable (users and partners span time zones). Always low: people work late before a deadline;
 * the alert is context for the others. Warm-up: silent until the user has {@link #MIN_EVENTS}
 * events over a week, because a pattern needs that many.
 */
public final class OffHours implements Detector {
  public static final String NAME = "off_hours";
  static final double RARE_SHARE = 0.005;
  static final int MIN_EVENTS = 200;
  static final int MIN_DAYS = 7;

  @Override
  public void observe(Event e, UserProfile u, PeerGroup peer, Raise out) {
    if (!e.isDownload() || !e.isSensitive() || u.events < MIN_EVENTS || u.activeDays < MIN_DAYS) {
      return;
    }
    int h = (int) Math.floorMod(Math.floorDiv(e.timeMillis(), UserProfile.HOUR), 24);
    long near = u.hourOfDay[(h + 23) % 24] + u.hourOfDay[h] + u.hourOfDay[(h + 1) % 24];
    double share = near / (double) u.events;
    if (share >= RARE_SHARE) {
      return;
    }
    out.alert(
        e,
        u.user,
        e.ip(),
        NAME,
        Severity.LOW,
        0.3,
        String.format(
            Locale.ROOT,
            "%s download at %02d:00 UTC, when this user does %.2f%% of its activity (%d of %d"
                + " events within an hour of it)",
            e.classification(),
            h,
            share * 100,
            near,
            u.events),
        Evidence.of("hourUtc", h).and("share", share).and("eventsNear", near).map(),
        SeqList.of(e.seq()));
  }
}
