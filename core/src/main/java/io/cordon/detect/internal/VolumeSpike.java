package io.cordon.detect.internal;

import io.cordon.detect.Event;
import io.cordon.detect.Severity;
import java.util.Locale;

/**
 * Downloads in the open hour far above the user's robust baseline: the median and MAD of its past
 * active hours, never below the user's known peak for this hour of the week, with minimum
 * thresholds so a light user downloading a few files is not an alert. Raised the moment the hour's
 * count crosses the threshold (and again at double), not when the hour ends. Warm-up: the peer
 * group's hourly baseline with a higher floor.
 */
public final class VolumeSpike implements Detector {
  public static final String NAME = "volume_spike";
  static final int MIN_OWN_HOURS = 12;
  static final int FLOOR = 20;
  static final int WARM_UP_FLOOR = 30;

  private final int warmUpEvents;
  private final int warmUpDays;

  public VolumeSpike(int warmUpEvents, int warmUpDays) {
    this.warmUpEvents = warmUpEvents;
    this.warmUpDays = warmUpDays;
  }

  @Override
  public void observe(Event e, UserProfile u, PeerGroup peer, Raise out) {
    if (!e.isDownload()) {
      return;
    }
    if (u.hDownloads == 1 || u.hThreshold == 0) {
      threshold(u, peer, e.timeMillis());
    }
    int t = u.hThreshold;
    if (u.hDownloads != t && u.hDownloads != 2 * t) {
      return;
    }
    boolean doubled = u.hDownloads == 2 * t;
    Severity s = doubled || u.hSensitive * 2 >= u.hDownloads ? Severity.HIGH : Severity.MEDIUM;
    double score = Math.min(1.0, 0.6 + 0.2 * u.hDownloads / (double) t);
    out.alert(
        e,
        u.user,
        e.ip(),
        NAME,
        s,
        Math.min(score, doubled ? 0.95 : 0.85),
        String.format(
            Locale.ROOT,
            "%d downloads (%.1f MB, %d confidential or restricted) within the hour from %s;"
                + " %s baseline median %.1f per active hour, threshold %d",
            u.hDownloads,
            u.hBytes / 1e6,
            u.hSensitive,
            UserProfile.hourLabel(u.hour),
            u.hBaselineOwn ? "own" : "peer-group (warm-up)",
            u.hBaselineMedian,
            t),
        Evidence.of("downloads", u.hDownloads)
            .and("bytes", u.hBytes)
            .and("sensitive", u.hSensitive)
            .and("baseline", u.hBaselineOwn ? "user" : "peer group " + peer.key)
            .and("median", u.hBaselineMedian)
            .and("mad", u.hBaselineMad)
            .and("threshold", t)
            .map(),
        u.hSeqs);
  }

  private void threshold(UserProfile u, PeerGroup peer, long time) {
    int how = UserProfile.hourOfWeek(time);
    if (u.warm(warmUpEvents, warmUpDays) && u.hourlyDownloads.size() >= MIN_OWN_HOURS) {
      double med = u.hourlyDownloads.median();
      double mad = u.hourlyDownloads.mad(med);
      u.hBaselineOwn = true;
      u.hBaselineMedian = med;
      u.hBaselineMad = mad;
      double t = Math.max(med + 8 * Math.max(mad, 1.5), 4 * med);
      t = Math.max(t, 1.5 * u.hourOfWeekPeak[how]);
      u.hThreshold = (int) Math.ceil(Math.max(t, FLOOR));
    } else {
      double med = peer.hourlyDownloads.size() >= 30 ? peer.hourlyDownloads.median() : 0;
      double mad = peer.hourlyDownloads.size() >= 30 ? peer.hourlyDownloads.mad(med) : 0;
      u.hBaselineOwn = false;
      u.hBaselineMedian = med;
      u.hBaselineMad = mad;
      double t = Math.max(med + 10 * Math.max(mad, 2), 5 * med);
      u.hThreshold = (int) Math.ceil(Math.max(t, WARM_UP_FLOOR));
    }
  }
}
