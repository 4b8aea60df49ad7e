package io.cordon.door;

import io.cordon.context.RequestContext;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.Transaction;

/**
 * Port: tells a resource's owner that someone was granted access to it, for the policy obligation
 * {@code notify-owner}. Runs in the transaction that decides, so the notice exists exactly when the
 * access was granted (an outbox, not a send).
 */
@FunctionalInterface
public interface OwnerNotice {
  /**
   * Queues the notice.
   *
   * @return false when this resource has no owner who can be told (then the access is refused: an
   *     obligation that cannot be honoured does not permit)
   */
  boolean accessGranted(Transaction tx, RequestContext ctx, Resource resource, Action action);
}
