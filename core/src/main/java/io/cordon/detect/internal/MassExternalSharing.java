package io.cordon.detect.internal;

import io.cordon.detect.Event;
import io.cordon.detect.Outcome;
import io.cordon.detect.Severity;
import java.util.Locale;

/**
 * External recipients added to shares within a sliding hour above the larger of {@link #FLOOR} and
 * twice the user's busiest past hour; high at double the threshold. Warm-up: the floor is {@link
 * #WARM_UP_FLOOR} (no own peak to compare with yet).
 */
public final class MassExternalSharing implements Detector {
  public static final String NAME = "mass_external_sharing";
  static final int FLOOR = 18;
  static final int WARM_UP_FLOOR = 22;

  private final int warmUpEvents;
  private final int warmUpDays;

  public MassExternalSharing(int warmUpEvents, int warmUpDays) {
    this.warmUpEvents = warmUpEvents;
    this.warmUpDays = warmUpDays;
  }

  @Override
  public void observe(Event e, UserProfile u, PeerGroup peer, Raise out) {
    if (e.externalRecipients() <= 0
        || e.outcome() != Outcome.SUCCESS
        || !e.action().startsWith("share.")) {
      return;
    }
    long now = e.timeMillis();
    int slot = u.shareNext;
    u.shareTimes[slot] = now;
    u.shareCounts[slot] = e.externalRecipients();
    u.shareNext = (slot + 1) % u.shareTimes.length;
    int recipients = 0;
    int shares = 0;
    for (int i = 0; i < u.shareTimes.length; i++) {
      if (u.shareCounts[i] > 0 && now - u.shareTimes[i] < UserProfile.HOUR) {
        recipients += u.shareCounts[i];
        shares++;
      }
    }
    if (shares == 1) {
      u.shareSeqs.clear();
    }
    u.shareSeqs.add(e.seq());
    boolean warm = u.warm(warmUpEvents, warmUpDays);
    int threshold = warm ? Math.max(FLOOR, 2 * u.externalPeak) : WARM_UP_FLOOR;
    int before = recipients - e.externalRecipients();
    boolean crossed = before < threshold && recipients >= threshold;
    boolean doubled = before < 2 * threshold && recipients >= 2 * threshold;
    if (!crossed && !doubled) {
      return;
    }
    Severity s = doubled ? Severity.HIGH : Severity.MEDIUM;
    out.alert(
        e,
        u.user,
        e.ip(),
        NAME,
        s,
        doubled ? 0.9 : 0.7,
        String.format(
            Locale.ROOT,
            "%d external recipients on %d shares within an hour; threshold %d (%s)",
            recipients,
            shares,
            threshold,
            warm ? "twice the user's busiest hour, at least " + FLOOR : "warm-up floor"),
        Evidence.of("externalRecipients", recipients)
            .and("shares", shares)
            .and("threshold", threshold)
            .and("pastPeak", u.externalPeak)
            .and("warmUp", !warm)
            .map(),
        u.shareSeqs);
  }
}
