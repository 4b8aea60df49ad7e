package io.cordon.detect;

import io.cordon.detect.internal.AddressRanges;
import io.cordon.detect.internal.AlertMerger;
import io.cordon.detect.internal.AuthAttacks;
import io.cordon.detect.internal.Detector;
import io.cordon.detect.internal.Dormant;
import io.cordon.detect.internal.FirstSeen;
import io.cordon.detect.internal.ImpossibleTravel;
import io.cordon.detect.internal.LowAndSlow;
import io.cordon.detect.internal.Lru;
import io.cordon.detect.internal.MassExternalSharing;
import io.cordon.detect.internal.Multivariate;
import io.cordon.detect.internal.OffHours;
import io.cordon.detect.internal.PeerGroup;
import io.cordon.detect.internal.RareResource;
import io.cordon.detect.internal.UserProfile;
import io.cordon.detect.internal.VolumeSpike;
import io.cordon.detect.internal.WorkspaceState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs every detector over a stream of audit events fed in seq order, from an empty baseline,
 * learning as it goes, and sends merged {@link Alert}s to a sink. Only what a streaming system
 * knows at each event is used: an alert's time is the time of the event that raised it.
 *
 * <p>Bad input never stops it: an event is rejected (and counted by {@link Rejection}) when it is
 * malformed, lacks required fields, repeats a seq, is older than the watermark by more than the
 * allowed lateness, or jumps further ahead than the allowed clock jump without the following events
 * confirming the new time. All state is bounded: users, addresses, peer groups and workspaces are
 * each kept in an LRU map with the configured cap, and each entry has fixed-size rings.
 *
 * <p>Not thread-safe: one engine per stream, fed from one thread (the live consumer or a replay).
 */
public final class DetectionEngine {
  private static final int CONFIRM_JUMP = 3;

  private final DetectionConfig config;
  private final AlertMerger merger;
  private final Lru<String, UserProfile> users;
  private final Lru<String, PeerGroup> peers;
  private final Lru<String, WorkspaceState> workspaces;
  private final AuthAttacks auth;
  private final List<Detector> detectors;
  private final Map<Rejection, Long> rejected = new EnumMap<>(Rejection.class);
  private final List<UserProfile> openHours = new ArrayList<>();

  private long watermark = Long.MIN_VALUE;
  private long maxSeq = -1;
  private long currentHour = Long.MIN_VALUE;
  private long nextExpiry = Long.MIN_VALUE;
  private long jumpCandidate = Long.MIN_VALUE;
  private int jumpConfirmations;
  private long accepted;

  public DetectionEngine(DetectionConfig config, Consumer<Alert> sink) {
    this.config = config;
    this.merger = new AlertMerger(config.mergeWindowMillis(), config.maxUsers(), sink);
    this.users = new Lru<>(config.maxUsers());
    this.peers = new Lru<>(config.maxPeerGroups());
    this.workspaces = new Lru<>(config.maxPeerGroups());
    this.auth = new AuthAttacks(config.maxAddresses(), config.maxUsers());
    int we = config.warmUpEvents();
    int wd = config.warmUpDays();
    this.detectors =
        List.of(
            new Dormant(config.dormantAfterMillis()),
            new ImpossibleTravel(new AddressRanges(config.vpnRanges())),
            new FirstSeen(we, wd),
            new VolumeSpike(we, wd),
            new LowAndSlow(),
            new OffHours(),
            new MassExternalSharing(we, wd),
            new RareResource(workspaces, wd),
            new Multivariate());
  }

  /** Counts a line the caller could not parse. */
  public void reject(Rejection why) {
    rejected.merge(why, 1L, Long::sum);
  }

  /** Feeds one event. Answers null when it was used, else why it was rejected (also counted). */
  public Rejection offer(Event e) {
    Rejection why = check(e);
    if (why != null) {
      reject(why);
      return why;
    }
    accepted++;
    if (e.seq() >= 0) {
      maxSeq = e.seq();
    }
    long t = Math.max(e.timeMillis(), watermark);
    watermark = t;
    advanceHour(t, e);
    if (e.action().startsWith("auth.login")) {
      auth.observe(e, merger);
    }
    if (e.user() != null && e.outcome() == Outcome.SUCCESS) {
      observeUser(e, t);
    } else if (e.user() != null) {
      UserProfile u = users.get(e.user());
      if (u != null) {
        observeUser(e, t);
      }
    }
    if (t >= nextExpiry) {
      merger.expire(t);
      nextExpiry = t + 60_000;
    }
    return null;
  }

  /** End of input: closes open hours and emits every pending merged alert. */
  public void flush() {
    merger.flush();
  }

  public Map<Rejection, Long> rejections() {
    return Map.copyOf(rejected);
  }

  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  public long accepted() {
    return accepted;
  }

  /** Current state sizes, for the bounded-state guarantee and operators' metrics. */
  public record StateSize(int users, int addresses, int peerGroups, int workspaces) {}

  public StateSize stateSize() {
    return new StateSize(users.size(), auth.addresses(), peers.size(), workspaces.size());
  }

  private Rejection check(Event e) {
    if (e.seq() >= 0 && maxSeq >= 0 && e.seq() <= maxSeq) {
      return e.seq() == maxSeq ? Rejection.DUPLICATE_SEQ : Rejection.OUT_OF_ORDER;
    }
    long time = e.timeMillis();
    if (watermark == Long.MIN_VALUE) {
      return null;
    }
    if (time < watermark - config.allowedLatenessMillis()) {
      return Rejection.OUT_OF_ORDER;
    }
    if (time > watermark + config.maxClockJumpMillis()) {
      // A lone event far ahead is a broken clock; several in a row close together mean the
      // stream really moved on (a gap in the data), and the engine follows.
      if (jumpCandidate != Long.MIN_VALUE
          && Math.abs(time - jumpCandidate) <= config.maxClockJumpMillis()) {
        if (++jumpConfirmations >= CONFIRM_JUMP) {
          jumpCandidate = Long.MIN_VALUE;
          jumpConfirmations = 0;
          return null;
        }
      } else {
        jumpCandidate = time;
        jumpConfirmations = 1;
      }
      return Rejection.CLOCK_JUMP;
    }
    jumpCandidate = Long.MIN_VALUE;
    jumpConfirmations = 0;
    return null;
  }

  private void advanceHour(long t, Event trigger) {
    long hour = Math.floorDiv(t, UserProfile.HOUR);
    if (hour == currentHour) {
      return;
    }
    currentHour = hour;
    for (UserProfile u : openHours) {
      if (u.hour < hour && u.hour != Long.MIN_VALUE) {
        closeHour(u, trigger);
      }
    }
    openHours.clear();
  }

  private PeerGroup peerOf(UserProfile u) {
    String key = u.peerKey;
    PeerGroup g = peers.get(key);
    if (g == null) {
      g = new PeerGroup(key);
      peers.put(key, g);
    }
    return g;
  }

  private void observeUser(Event e, long t) {
    UserProfile u = users.get(e.user());
    if (u == null) {
      u = new UserProfile(e.user());
      users.put(e.user(), u);
    }
    u.noteIdentity(e);
    u.peerKey = (u.org == null ? "?" : u.org) + "/" + (u.role == null ? "?" : u.role);
    PeerGroup peer = peerOf(u);
    long hour = Math.floorDiv(t, UserProfile.HOUR);
    if (u.hour != hour) {
      if (u.hour != Long.MIN_VALUE) {
        closeHour(u, e);
      }
      u.hour = hour;
      openHours.add(u);
    }
    long day = Math.floorDiv(t, UserProfile.DAY);
    if (u.day != day) {
      if (u.day != Long.MIN_VALUE) {
        LowAndSlow.dayClosed(u, peer);
      }
      u.day = day;
    }
    count(e, u);
    for (Detector d : detectors) {
      d.observe(e, u, peer, merger);
    }
    if (u.firstSeen == Long.MIN_VALUE) {
      u.firstSeen = t;
    }
    if (u.lastActiveDay != day) {
      u.lastActiveDay = day;
      u.activeDays++;
    }
    u.lastSeen = Math.max(u.lastSeen, e.timeMillis());
    u.hourOfDay[(int) Math.floorMod(hour, 24)]++;
  }

  private static void count(Event e, UserProfile u) {
    u.events++;
    u.hEvents++;
    if (e.isDownload()) {
      u.hDownloads++;
      u.dDownloads++;
      if (e.bytes() > 0) {
        u.hBytes += e.bytes();
        u.dBytes += e.bytes();
      }
      if (e.isSensitive()) {
        u.hSensitive++;
        u.dSensitive++;
      }
      u.hSeqs.add(e.seq());
      u.dSeqs.add(e.seq());
    }
    switch (e.outcome()) {
      case DENIED -> u.hDenied++;
      case ERROR -> {}
      case SUCCESS -> {
        switch (e.action()) {
          case "file.view" -> u.hViews++;
          case "file.upload" -> u.hUploads++;
          default -> {}
        }
      }
    }
    if (e.action().equals("auth.login_failed")) {
      u.hFailures++;
    }
    u.hExternal += e.externalRecipients();
  }

  private void closeHour(UserProfile u, Event trigger) {
    PeerGroup peer = peerOf(u);
    for (Detector d : detectors) {
      d.hourClosed(u, peer, trigger, merger);
    }
    u.hourlyDownloads.add(u.hDownloads);
    peer.hourlyDownloads.add(u.hDownloads);
    int how = UserProfile.hourOfWeek(u.hour * UserProfile.HOUR);
    u.hourOfWeekPeak[how] = Math.max(u.hourOfWeekPeak[how], u.hDownloads);
    u.externalPeak = Math.max(u.externalPeak, u.hExternal);
    u.hDownloads = 0;
    u.hBytes = 0;
    u.hSensitive = 0;
    u.hExternal = 0;
    u.hFailures = 0;
    u.hDenied = 0;
    u.hViews = 0;
    u.hUploads = 0;
    u.hNewWorkspaces = 0;
    u.hEvents = 0;
    u.hThreshold = 0;
    u.hSeqs.clear();
    u.hour = Long.MIN_VALUE;
  }
}
