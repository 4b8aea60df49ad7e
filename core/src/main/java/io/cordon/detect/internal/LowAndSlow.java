package io.cordon.detect.internal;

import io.cordon.detect.Event;
import io.cordon.detect.Severity;
import java.util.Locale;

/**
 * Low-and-slow exfiltration: a sustained multi-day excess of confidential or restricted downloads
 * over the user's own daily baseline, each day too small to be a spike. A one-sided CUSUM (Page,
 * 1954) over the user's active days: {@code S = max(0, S + downloads - reference)}, with reference
 * = median + max({@link #MIN_SLACK}, MAD) of the user's past active days (sensitive downloads per
 * day). Raised during a day, the moment {@code S} would reach max({@link #MIN_H}, {@link
 * #H_REFERENCES} x reference) with at least {@link #DAYS} days above the reference (today
 * included). Counts decide; bytes are evidence, because one large file makes a byte total jump on
 * an ordinary day. Warm-up: silent until {@link #MIN_DAYS} active days of the user's own history
 * (slowness is only visible against one's own habits); the peer group's daily median is in the
 * evidence.
 */
public final class LowAndSlow implements Detector {
  public static final String NAME = "low_and_slow_exfiltration";
  static final int DAYS = 2;
  static final int MEDIUM_DAYS = 3;
  static final double MEDIUM_H = 1.5;
  static final int MIN_DAYS = 7;
  static final double MIN_SLACK = 2;
  static final double MIN_H = 20;
  static final double H_REFERENCES = 2.5;

  @Override
  public void observe(Event e, UserProfile u, PeerGroup peer, Raise out) {
    if (!e.isDownload() || !e.isSensitive() || u.dRaised || u.dailySensitive.size() < MIN_DAYS) {
      return;
    }
    if (u.dReference == 0) {
      reference(u);
    }
    double today = u.dSensitive - u.dReference;
    double s = u.cusum + today;
    int days = u.cusumDays + (today > 0 ? 1 : 0);
    double h = Math.max(MIN_H, H_REFERENCES * u.dReference);
    if (s < h || days < DAYS || today <= 0) {
      return;
    }
    u.dRaised = true;
    double med = u.dailySensitive.median();
    out.alert(
        e,
        u.user,
        e.ip(),
        NAME,
        severity(days, s, h),
        Math.min(0.9, 0.55 + 0.05 * days + 0.01 * (s - h)),
        String.format(
            Locale.ROOT,
            "%d active days above this user's daily reference of %.1f confidential or restricted"
                + " downloads (median %.0f); about %.0f extra accumulated (threshold %.0f); today"
                + " %d such downloads of %d, %.1f MB",
            days,
            u.dReference,
            med,
            s,
            h,
            u.dSensitive,
            u.dDownloads,
            u.dBytes / 1e6),
        Evidence.of("daysAbove", days)
            .and("reference", u.dReference)
            .and("medianSensitiveDownloads", med)
            .and("todaySensitive", u.dSensitive)
            .and("cusum", s)
            .and("threshold", h)
            .and("todayDownloads", u.dDownloads)
            .and("todayBytes", u.dBytes)
            .and("medianBytes", u.dailyBytes.median())
            .and("peerMedianDownloads", peer.dailyDownloads.median())
            .map(),
        u.dSeqs);
  }

  /**
   * Low when the excess just reached the threshold over two or three days (deadlines look like
   * that); medium from {@link #MEDIUM_DAYS} days and {@link #MEDIUM_H} x the threshold; high from
   * twice that.
   */
  static Severity severity(int days, double s, double h) {
    if (days >= MEDIUM_DAYS && s >= 2 * MEDIUM_H * h) {
      return Severity.HIGH;
    }
    return days >= MEDIUM_DAYS && s >= MEDIUM_H * h ? Severity.MEDIUM : Severity.LOW;
  }

  private static void reference(UserProfile u) {
    double med = u.dailySensitive.median();
    u.dReference = med + Math.max(MIN_SLACK, u.dailySensitive.mad(med));
  }

  /** The user's day has ended: update the CUSUM, then add the day to the baseline. */
  public static void dayClosed(UserProfile u, PeerGroup peer) {
    if (u.dailySensitive.size() >= MIN_DAYS) {
      if (u.dReference == 0) {
        reference(u);
      }
      double excess = u.dSensitive - u.dReference;
      u.cusum = Math.max(0, u.cusum + excess);
      if (u.cusum == 0) {
        u.cusumDays = 0;
      } else if (excess > 0) {
        u.cusumDays++;
      }
    }
    if (u.cusum == 0) {
      // The evidence is the downloads of the days that fed the CUSUM, no older.
      u.dSeqs.clear();
    }
    u.dailyDownloads.add(u.dDownloads);
    u.dailyBytes.add(u.dBytes);
    u.dailySensitive.add(u.dSensitive);
    peer.dailyDownloads.add(u.dDownloads);
    u.dDownloads = 0;
    u.dBytes = 0;
    u.dSensitive = 0;
    u.dReference = 0;
    u.dRaised = false;
  }
}
