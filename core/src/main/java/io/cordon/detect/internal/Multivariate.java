package io.cordon.detect.internal;

import com.amazon.randomcutforest.returntypes.DiVector;
import io.cordon.detect.Event;
import io.cordon.detect.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The multivariate model: each closed user-hour becomes a feature vector (downloads, megabytes,
 * sensitive downloads, external recipients, failed logins, denials, views, uploads, new workspaces,
 * how unusual the hour is for the user; counts log-scaled) scored by the peer group's Random Cut
 * Forest, explained by the forest's DiVector attribution (the features that pushed the score up,
 * and in which direction). Low above {@link #LOW_SCORE}, medium above {@link #MEDIUM_SCORE}.
 * Warm-up: silent until the peer group's forest has seen {@link ForestModel#WARM_UPDATES}
 * user-hours; a new user is scored against its peers from its first hour.
 */
public final class Multivariate implements Detector {
  public static final String NAME = "multivariate";
  static final double LOW_SCORE = 3.0;
  static final double MEDIUM_SCORE = 4.0;
  static final int LEARN_EVERY = 4;

  @Override
  public void observe(Event e, UserProfile u, PeerGroup peer, Raise out) {}

  @Override
  public void hourClosed(UserProfile u, PeerGroup peer, Event trigger, Raise out) {
    if (peer.model == null) {
      peer.model = new ForestModel(peer.key.hashCode());
    }
    ForestModel m = peer.model;
    // Scoring and updating a forest costs tens of microseconds: the forest learns from a sample
    // of user-hours, and only hours with something beyond routine are scored.
    boolean learn = (++peer.closedHours & (LEARN_EVERY - 1)) == 0;
    boolean worth = worthScoring(u);
    if (!learn && !worth) {
      return;
    }
    float[] x = features(u);
    if (worth && m.warm()) {
      double score = m.score(x);
      if (score >= LOW_SCORE) {
        DiVector a = m.attribution(x);
        List<String> top = explain(a, x);
        Severity s = score >= MEDIUM_SCORE && u.hDownloads >= 10 ? Severity.MEDIUM : Severity.LOW;
        Evidence ev = Evidence.of("rcfScore", score).and("hour", UserProfile.hourLabel(u.hour));
        for (int i = 0; i < ForestModel.FEATURES.length; i++) {
          double contribution = a.high[i] + a.low[i];
          if (contribution >= 0.05 * score) {
            ev.and(ForestModel.FEATURES[i], String.format(Locale.ROOT, "%.2f", contribution));
          }
        }
        out.alert(
            trigger,
            u.user,
            null,
            NAME,
            s,
            Math.min(0.95, score / (score + 2)),
            String.format(
                Locale.ROOT,
                "hour %s unusual for peer group %s (Random Cut Forest score %.2f); driven by %s",
                UserProfile.hourLabel(u.hour),
                peer.key,
                score,
                String.join(", ", top)),
            ev.map(),
            u.hSeqs);
      }
    }
    if (learn) {
      m.update(x);
    }
  }

  /** Hours with failures, denials, external shares, new workspaces or unusual downloads. */
  static boolean worthScoring(UserProfile u) {
    if (u.hFailures > 0 || u.hDenied > 0 || u.hExternal > 0 || u.hNewWorkspaces > 0) {
      return true;
    }
    return u.hDownloads > 0 && u.hDownloads >= 2 * u.hBaselineMedian + 3;
  }

  static float[] features(UserProfile u) {
    int h = (int) Math.floorMod(u.hour, 24);
    double usual = u.events == 0 ? 0 : u.hourOfDay[h] / (double) u.events;
    return new float[] {
      log(u.hDownloads),
      log(u.hBytes / 1e6),
      log(u.hSensitive),
      log(u.hExternal),
      log(u.hFailures),
      log(u.hDenied),
      log(u.hViews),
      log(u.hUploads),
      log(u.hNewWorkspaces),
      (float) Math.max(0, 1 - 24 * usual)
    };
  }

  private static float log(double v) {
    return (float) Math.log1p(Math.max(0, v));
  }

  /** The three features that contributed most, with direction and the hour's value. */
  private static List<String> explain(DiVector a, float[] x) {
    List<String> out = new ArrayList<>();
    boolean[] used = new boolean[x.length];
    for (int k = 0; k < 3; k++) {
      int best = -1;
      for (int i = 0; i < x.length; i++) {
        if (!used[i] && (best < 0 || a.getHighLowSum(i) > a.getHighLowSum(best))) {
          best = i;
        }
      }
      if (best < 0 || a.getHighLowSum(best) <= 0) {
        break;
      }
      used[best] = true;
      out.add(
          String.format(
              Locale.ROOT,
              "%s %s (%.2f of the score)",
              ForestModel.FEATURES[best],
              a.high[best] >= a.low[best] ? "high" : "low",
              a.getHighLowSum(best)));
    }
    return out;
  }
}
