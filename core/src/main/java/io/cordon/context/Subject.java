package io.cordon.context;

import io.cordon.identity.OrgId;
import io.cordon.identity.OrgKind;
import io.cordon.identity.UserId;
import java.util.Set;

/**
 * The authenticated principal of a request. Roles are organisation-wide roles ({@code admin},
 * {@code auditor}, {@code security}); workspace roles are looked up per request by the policy.
 * {@code agreements} are the agreements of the subject's organisation in force now (e.g. {@code
 * BAA}), the policy attribute {@code subject.agreements}.
 */
public record Subject(
    UserId user,
    String username,
    OrgId org,
    OrgKind orgKind,
    Set<String> roles,
    Set<String> agreements) {
  public Subject {
    if (user == null || username == null || org == null || orgKind == null) {
      throw new IllegalArgumentException("subject needs user, username, org and org kind");
    }
    roles = Set.copyOf(roles);
    agreements = agreements == null ? Set.of() : Set.copyOf(agreements);
  }

  /** A subject whose organisation has no agreement in force. */
  public Subject(UserId user, String username, OrgId org, OrgKind orgKind, Set<String> roles) {
    this(user, username, org, orgKind, roles, Set.of());
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** Organisation administrators of the home organisation administer the installation. */
  public boolean isAdministrator() {
    return orgKind == OrgKind.HOME && roles.contains("admin");
  }
}
