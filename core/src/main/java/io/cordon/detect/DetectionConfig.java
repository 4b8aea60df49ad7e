package io.cordon.detect;

import java.util.List;

/**
 * The engine's limits and thresholds. Every number here is documented in docs/detection.md with the
 * reason for its default. Immutable.
 *
 * @param maxUsers per-user profiles kept (least recently active evicted beyond this)
 * @param maxAddresses per-address authentication state kept (LRU)
 * @param maxPeerGroups peer groups (organisation + role) and workspaces kept, each (LRU)
 * @param allowedLatenessMillis how far behind the watermark an event may be and still be used
 * @param maxClockJumpMillis how far ahead of the watermark an event may jump before it is rejected
 *     as a clock jump (unless the events after it confirm the new time)
 * @param mergeWindowMillis same subject and detector within this window: one merged alert
 * @param warmUpEvents events from a user before its own baselines are trusted
 * @param warmUpDays days a user must have been seen before its own baselines are trusted
 * @param vpnRanges CIDR ranges of known VPN egress (impossible travel ignores them)
 * @param dormantAfterMillis silence after which a returning account is a reactivation
 */
public record DetectionConfig(
    int maxUsers,
    int maxAddresses,
    int maxPeerGroups,
    long allowedLatenessMillis,
    long maxClockJumpMillis,
    long mergeWindowMillis,
    int warmUpEvents,
    int warmUpDays,
    List<String> vpnRanges,
    long dormantAfterMillis) {
  private static final long MINUTE = 60_000L;
  private static final long DAY = 24 * 60 * MINUTE;

  public DetectionConfig {
    vpnRanges = List.copyOf(vpnRanges);
    if (maxUsers < 1 || maxAddresses < 1 || maxPeerGroups < 1) {
      throw new IllegalArgumentException("state caps must be positive");
    }
    if (allowedLatenessMillis < 0 || maxClockJumpMillis <= 0 || mergeWindowMillis < 0) {
      throw new IllegalArgumentException("windows must not be negative");
    }
  }

  /** Defaults sized for a site of tens of thousands of users. */
  public static DetectionConfig defaults() {
    return new DetectionConfig(
        200_000, 100_000, 20_000, 5 * MINUTE, 2 * DAY, 6 * 60 * MINUTE, 30, 5, List.of(), 30 * DAY);
  }

  public DetectionConfig withVpnRanges(List<String> ranges) {
    return new DetectionConfig(
        maxUsers,
        maxAddresses,
        maxPeerGroups,
        allowedLatenessMillis,
        maxClockJumpMillis,
        mergeWindowMillis,
        warmUpEvents,
        warmUpDays,
        ranges,
        dormantAfterMillis);
  }

  public DetectionConfig withCaps(int users, int addresses, int peerGroups) {
    return new DetectionConfig(
        users,
        addresses,
        peerGroups,
        allowedLatenessMillis,
        maxClockJumpMillis,
        mergeWindowMillis,
        warmUpEvents,
        warmUpDays,
        vpnRanges,
        dormantAfterMillis);
  }
}
