package io.cordon.sharing;

import io.cordon.identity.OrgKind;
import io.cordon.policy.Explanation;
import java.util.Optional;

/**
 * What the policy in force would answer one would-be recipient of a share before it is sent: their
 * first view (view-only share) or download, from outside the corporate network.
 *
 * @param recipient as typed by the sharer
 * @param orgKind the recipient's organisation kind; empty for an address that would become a new
 *     guest account (guests always belong to a partner organisation)
 */
public record SharePreview(String recipient, Optional<OrgKind> orgKind, Explanation explanation) {
  public boolean isNewGuest() {
    return orgKind.isEmpty();
  }
}
