package io.cordon.detect.internal;

/**
 * A peer group (organisation + role, so a partner organisation's users are baselined together when
 * there is no HR data for them): the hourly download volume of its members' active hours, which
 * users still warming up are compared to, the workspaces its members use, and its own Random Cut
 * Forest. Bounded. Not thread-safe.
 */
public final class PeerGroup {
  public final String key;
  public final Ring hourlyDownloads = new Ring(512);
  public final Ring dailyDownloads = new Ring(256);

  /** Workspace -> how many member sightings (distinct-ish users, counted once per user-day). */
  public final SmallSet workspaces = new SmallSet(512);

  public final SmallSet countries = new SmallSet(64);
  public ForestModel model;
  public long closedHours;

  public PeerGroup(String key) {
    this.key = key;
  }
}
