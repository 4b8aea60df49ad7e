package io.cordon.detect.internal;

import io.cordon.detect.Event;
import io.cordon.detect.Severity;
import java.util.Locale;

/**
 * Low-and-slow exfiltration: downloads (counted; bytes are evidence) above the user's daily
 * baseline on several consecutive active days, each day too small to be a spike. A day is in excess
 * above the larger of median + {@link #MADS} MAD, {@link #RATIO} x median and median + {@link
 * #MIN_EXTRA} downloads (bytes: median + 50 MB at least). Raised during the {@link #DAYS}th excess
 * day, the moment it crosses. Warm-up: silent until {@link #MIN_DAYS} active days of the user's own
 * history (slowness is only visible against one's own habits); the peer group's daily volume is
 * kept for the evidence.
 */
public final class LowAndSlow implements Detector {
  public static final String NAME = "low_and_slow_exfiltration";
  static final int DAYS = 3;
  static final int MIN_DAYS = 7;
  static final double MADS = 3;
  static final double RATIO = 1.6;
  static final int MIN_EXTRA = 6;
  static final double MIN_EXTRA_BYTES = 50e6;

  @Override
  public void observe(Event e, UserProfile u, PeerGroup peer, Raise out) {
    if (!e.isDownload() || u.dailyDownloads.size() < MIN_DAYS || u.excessDays < DAYS - 1) {
      return;
    }
    if (u.dThresholdDownloads == 0) {
      thresholds(u);
    }
    if (u.dRaised || (u.dDownloads < u.dThresholdDownloads && u.dBytes < u.dThresholdBytes)) {
      return;
    }
    u.dRaised = true;
    double med = u.dailyDownloads.median();
    long extra = u.excessDownloads + Math.max(0, (long) (u.dDownloads - med));
    out.alert(
        e,
        u.user,
        e.ip(),
        NAME,
        u.excessDays + 1 >= 2 * DAYS ? Severity.HIGH : Severity.MEDIUM,
        Math.min(0.9, 0.6 + 0.05 * u.excessDays),
        String.format(
            Locale.ROOT,
            "%d consecutive active days above this user's daily baseline (median %.0f downloads,"
                + " %.1f MB); today %d downloads, %.1f MB; about %d extra downloads in all",
            u.excessDays + 1,
            med,
            u.dailyBytes.median() / 1e6,
            u.dDownloads,
            u.dBytes / 1e6,
            extra),
        Evidence.of("days", u.excessDays + 1)
            .and("medianDownloads", med)
            .and("medianBytes", u.dailyBytes.median())
            .and("todayDownloads", u.dDownloads)
            .and("todayBytes", u.dBytes)
            .and("extraDownloads", extra)
            .and("peerMedianDownloads", peer.dailyDownloads.median())
            .map(),
        u.dSeqs);
  }

  private static void thresholds(UserProfile u) {
    double med = u.dailyDownloads.median();
    double mad = u.dailyDownloads.mad(med);
    u.dThresholdDownloads = Math.max(Math.max(med + MADS * mad, RATIO * med), med + MIN_EXTRA);
    double bmed = u.dailyBytes.median();
    double bmad = u.dailyBytes.mad(bmed);
    u.dThresholdBytes =
        Math.max(Math.max(bmed + MADS * bmad, RATIO * bmed), bmed + MIN_EXTRA_BYTES);
  }

  /** The user's day has ended: judge it against the baseline, then add it to the baseline. */
  public static void dayClosed(UserProfile u, PeerGroup peer) {
    if (u.dailyDownloads.size() >= MIN_DAYS) {
      if (u.dThresholdDownloads == 0) {
        thresholds(u);
      }
      // Counts, not bytes, decide: one large file makes a byte total jump on an ordinary day.
      boolean excess = u.dDownloads >= u.dThresholdDownloads;
      if (excess) {
        u.excessDays++;
        u.excessDownloads += Math.max(0, (long) (u.dDownloads - u.dailyDownloads.median()));
      } else {
        u.excessDays = 0;
        u.excessDownloads = 0;
        u.dSeqs.clear();
      }
    }
    u.dailyDownloads.add(u.dDownloads);
    u.dailyBytes.add(u.dBytes);
    peer.dailyDownloads.add(u.dDownloads);
    u.dDownloads = 0;
    u.dBytes = 0;
    u.dThresholdDownloads = 0;
    u.dThresholdBytes = 0;
    u.dRaised = false;
  }
}
