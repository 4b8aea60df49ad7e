package io.cordon.door;

import io.cordon.context.RequestContext;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;

/**
 * Decides whether a caller may read this node's operational metrics ({@code GET /metrics}): a
 * policy decision like any other read, on the installation-wide resource {@code metrics}. A refusal
 * is audited; a permitted scrape is not (monitoring scrapes every few seconds, and metrics hold no
 * user or content data). Thread-safe.
 */
public final class TelemetryAccess {
  private final OneDoor door;

  public TelemetryAccess(OneDoor door) {
    this.door = door;
  }

  /**
   * @throws io.cordon.context.CordonException.Denied if the policy refuses
   */
  public void authorizeScrape(RequestContext ctx) {
    door.authorize(ctx, Guarded.of("metrics.read", Action.VIEW, Resource.system("metrics")));
  }
}
