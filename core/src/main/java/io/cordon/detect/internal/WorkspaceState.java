package io.cordon.detect.internal;

/**
 * A workspace's own baseline: which peer groups (organisation + role) use it. Partner over-reach
 * shows as a peer group the workspace has never served. Bounded. Not thread-safe.
 */
public final class WorkspaceState {
  public final SmallSet peerGroups = new SmallSet(64);
  public final SmallSet orgs = new SmallSet(32);
  public long events;
}
