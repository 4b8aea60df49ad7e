package io.cordon.context;

import io.cordon.identity.OrgId;
import io.cordon.identity.OrgKind;
import io.cordon.identity.UserId;
import java.util.Set;

/**
 * The authenticated principal of a request. Roles are organisation-wide roles ({@code admin},
 * {@code auditor}, {@code security}); workspace roles are looked up per request by the policy.
 */
public record Subject(UserId user, String username, OrgId org, OrgKind orgKind, Set<String> roles) {
  public Subject {
    if (user == null || username == null || org == null || orgKind == null) {
      throw new IllegalArgumentException("subject needs user, username, org and org kind");
    }
    roles = Set.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** Organisation administrators of the home organisation administer the installation. */
  public boolean isAdministrator() {
    return orgKind == OrgKind.HOME && roles.contains("admin");
  }
}
