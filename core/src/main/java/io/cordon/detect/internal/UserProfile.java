package io.cordon.detect.internal;

import io.cordon.detect.Event;

/**
 * What the engine remembers about one user: activity counters, first-seen sets, the open hour and
 * day, and robust histories of hourly and daily download volume. Bounded: every collection has a
 * fixed cap, so one profile is a few kilobytes whatever the user does. Not thread-safe.
 */
public final class UserProfile {
  public static final long HOUR = 3_600_000L;
  public static final long DAY = 24 * HOUR;

  public final String user;
  public String org;
  public boolean partner;
  public String role;
  public String peerKey;

  public long firstSeen = Long.MIN_VALUE;
  public long lastSeen = Long.MIN_VALUE;
  public long events;
  public int activeDays;
  public long lastActiveDay = Long.MIN_VALUE;

  /** Events per UTC hour of day: the user's own working pattern. */
  public final int[] hourOfDay = new int[24];

  public final SmallSet countries = new SmallSet(16);
  public final SmallSet networks = new SmallSet(32);
  public final SmallSet devices = new SmallSet(16);
  public final SmallSet workspaces = new SmallSet(64);

  // The last event with a location (impossible travel).
  public double lastLat = Double.NaN;
  public double lastLon = Double.NaN;
  public long lastGeoTime;
  public String lastGeoIp;
  public String lastGeoCountry;
  public long lastGeoSeq = -1;

  /** When a first-seen country was last raised, so follow-up downloads can escalate it. */
  public long newCountryAt = Long.MIN_VALUE / 4;

  // The open hour: features for the volume spike and the multivariate model.
  public long hour = Long.MIN_VALUE;
  public int hDownloads;
  public long hBytes;
  public int hSensitive;
  public int hExternal;
  public int hFailures;
  public int hDenied;
  public int hViews;
  public int hUploads;
  public int hNewWorkspaces;
  public int hEvents;
  public final SeqList hSeqs = new SeqList(200);

  /** The open hour's volume threshold (0 until the hour's first download computes it). */
  public int hThreshold;

  public boolean hBaselineOwn;
  public double hBaselineMedian;
  public double hBaselineMad;

  /** The most external recipients in one past hour. */
  public int externalPeak;

  // Rare-resource access within a sliding day.
  public long rareSince = Long.MIN_VALUE / 4;
  public int rareCount;
  public int rareDenied;
  public final SeqList rareSeqs = new SeqList(100);

  /** Longest silence seen between two successful events of the user. */
  public long longestGap;

  /**
   * The user's last successful event: failed sign-ins under their name (a sprayer's, say) do not
   * end a silence.
   */
  public long lastSucceeded = Long.MIN_VALUE;

  /** The open day's low-and-slow reference (0 until computed). */
  public double dReference;

  public boolean dRaised;

  /** Download counts of the user's past active hours (hours with any event). */
  public final Ring hourlyDownloads = new Ring(96);

  /** The most downloads seen in each hour of the week (the user's known weekly peaks). */
  public final float[] hourOfWeekPeak = new float[168];

  // The open day: low-and-slow exfiltration.
  public long day = Long.MIN_VALUE;
  public int dDownloads;
  public long dBytes;
  public final SeqList dSeqs = new SeqList(200);

  /** Confidential or restricted downloads in the open day: what exfiltration takes. */
  public int dSensitive;

  public final Ring dailyDownloads = new Ring(28);
  public final Ring dailySensitive = new Ring(28);
  public final Ring dailyBytes = new Ring(28);

  /** One-sided CUSUM of daily downloads over the reference, and the days above it. */
  public double cusum;

  public int cusumDays;

  // External sharing within a sliding hour.
  public final long[] shareTimes = new long[64];
  public final int[] shareCounts = new int[64];
  public int shareNext;
  public final SeqList shareSeqs = new SeqList(200);

  public UserProfile(String user) {
    this.user = user;
  }

  /** Whether the user's own baselines are trusted yet (else detectors use the peer group's). */
  public boolean warm(int warmUpEvents, int warmUpDays) {
    return events >= warmUpEvents && activeDays >= warmUpDays;
  }

  /** Hour of the week (0 = Monday 00:00 UTC) of an epoch-millisecond time. */
  public static int hourOfWeek(long millis) {
    long hours = Math.floorDiv(millis, HOUR);
    // 1970-01-01 was a Thursday: shift so that Monday is 0.
    return (int) Math.floorMod(hours + 3 * 24, 168);
  }

  /** An hour index as {@code 2026-11-22T18:00Z}, for summaries. */
  public static String hourLabel(long hourIndex) {
    return java.time.Instant.ofEpochMilli(hourIndex * HOUR).toString().replace(":00:00Z", ":00Z");
  }

  public void noteIdentity(Event e) {
    if (e.org() != null) {
      org = e.org();
    }
    if (e.role() != null) {
      role = e.role();
    }
    partner |= e.partner();
  }
}
