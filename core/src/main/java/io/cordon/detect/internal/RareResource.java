package io.cordon.detect.internal;

import io.cordon.detect.Event;
import io.cordon.detect.Severity;
import java.util.Locale;

/**
 * Access to workspaces that are new to the user and that nobody in its peer group (organisation +
 * role) has used, in established workspaces only (at least {@link #MIN_WORKSPACE_EVENTS} events
 * from others). One such workspace in a day is low; {@link #MEDIUM_COUNT} or more (two for a
 * partner's user), or any denied attempt among two, is medium: that is a partner reaching beyond
 * what it was invited to. Warm-up: a user active on fewer than the warm-up days is raised at low
 * only, and a peer group with no workspace history is not judged.
 */
public final class RareResource implements Detector {
  public static final String NAME = "rare_resource";
  static final int MIN_WORKSPACE_EVENTS = 20;
  static final int MEDIUM_COUNT = 3;

  private final Lru<String, WorkspaceState> workspaces;

  private final int warmUpDays;

  public RareResource(Lru<String, WorkspaceState> workspaces, int warmUpDays) {
    this.workspaces = workspaces;
    this.warmUpDays = warmUpDays;
  }

  @Override
  public void observe(Event e, UserProfile u, PeerGroup peer, Raise out) {
    String ws = e.workspace();
    if (ws == null) {
      return;
    }
    WorkspaceState state = workspaces.get(ws);
    if (state == null) {
      state = new WorkspaceState();
      workspaces.put(ws, state);
    }
    boolean newToUser = !u.workspaces.contains(ws);
    if (newToUser
        && state.events >= MIN_WORKSPACE_EVENTS
        && !state.peerGroups.contains(peer.key)
        && peer.workspaces.size() > 0) {
      if (e.timeMillis() - u.rareSince > UserProfile.DAY) {
        u.rareSince = e.timeMillis();
        u.rareCount = 0;
        u.rareDenied = 0;
        u.rareSeqs.clear();
      }
      u.rareCount++;
      if (e.outcome() != io.cordon.detect.Outcome.SUCCESS) {
        u.rareDenied++;
      }
      u.rareSeqs.add(e.seq());
      // Partners are invited into specific workspaces, so two unfamiliar ones in a day already
      // mean reaching beyond the invitation; home staff move between projects more freely.
      int needed = u.partner ? 2 : MEDIUM_COUNT;
      boolean medium =
          u.activeDays >= warmUpDays
              && (u.rareCount >= needed || (u.rareCount >= 2 && u.rareDenied > 0));
      out.alert(
          e,
          u.user,
          e.ip(),
          NAME,
          medium ? Severity.MEDIUM : Severity.LOW,
          medium ? 0.7 : 0.35,
          String.format(
              Locale.ROOT,
              "%d workspace%s in 24 h that nobody in peer group %s uses (%d denied); latest %s,"
                  + " used by %d other organisation%s",
              u.rareCount,
              u.rareCount == 1 ? "" : "s",
              peer.key,
              u.rareDenied,
              ws,
              state.orgs.size(),
              state.orgs.size() == 1 ? "" : "s"),
          Evidence.of("workspaces", u.rareCount)
              .and("denied", u.rareDenied)
              .and("latest", ws)
              .and("peerGroup", peer.key)
              .and("workspacePeerGroups", state.peerGroups.size())
              .map(),
          u.rareSeqs);
    }
    if (e.outcome() == io.cordon.detect.Outcome.SUCCESS) {
      u.workspaces.add(ws);
      if (newToUser) {
        u.hNewWorkspaces++;
        peer.workspaces.add(ws);
      }
      if (newToUser || state.events % 64 == 0) {
        state.peerGroups.add(peer.key);
        if (u.org != null) {
          state.orgs.add(u.org);
        }
      }
    }
    state.events++;
  }
}
