package io.cordon.identity;

import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * MFA enforcement per organisation and role, behind the one door: administrators say which roles of
 * an organisation (or everyone in it) must have a second factor, on top of the installation's
 * configured floor ({@code mfa.required-roles}), which no organisation can lower. A change applies
 * from each affected user's next login: a user with no factor then gets an enrolment-only session.
 * Thread-safe.
 */
public final class MfaEnforcementService {
  private final OneDoor door;
  private final MfaRequirement installationFloor;

  public MfaEnforcementService(OneDoor door, MfaRequirement installationFloor) {
    this.door = door;
    this.installationFloor = installationFloor;
  }

  /**
   * What an organisation enforces.
   *
   * @param organisation the organisation
   * @param requiredRoles roles this organisation requires a factor of ({@code *}: everyone)
   * @param installationRoles the configured floor, the same for every organisation
   */
  public record Enforcement(
      Organisation organisation, Set<String> requiredRoles, Set<String> installationRoles) {
    public Enforcement {
      requiredRoles = Set.copyOf(new TreeSet<>(requiredRoles));
      installationRoles = Set.copyOf(new TreeSet<>(installationRoles));
    }
  }

  public Enforcement get(RequestContext ctx, OrgId orgId) {
    return door.perform(
        ctx,
        Guarded.of("organisation.mfa_view", Action.ADMINISTER, Resource.system("organisation")),
        (tx, resource) -> {
          Organisation org = find(tx, orgId);
          return new Performed<>(
              new Enforcement(
                  org, OrgMfaSettings.read(tx, orgId).roles(), installationFloor.roles()),
              Optional.empty(),
              Map.of());
        });
  }

  /**
   * Replaces an organisation's requirement; an empty set leaves only the installation's floor.
   *
   * @throws CordonException.InvalidInput for an unknown role
   */
  public Enforcement set(RequestContext ctx, OrgId orgId, Set<String> roles) {
    MfaRequirement wanted = new MfaRequirement(roles);
    for (String r : wanted.roles()) {
      if (!r.equals(MfaRequirement.EVERYONE) && !DirectoryService.ORG_ROLES.contains(r)) {
        throw new CordonException.InvalidInput(
            "unknown role '"
                + r
                + "'; roles are "
                + String.join(", ", new TreeSet<>(DirectoryService.ORG_ROLES))
                + ", or * for everyone");
      }
    }
    return door.perform(
        ctx,
        Guarded.of("organisation.mfa", Action.ADMINISTER, Resource.system("organisation")),
        (tx, resource) -> {
          Organisation org = find(tx, orgId);
          String key = OrgMfaSettings.key(orgId);
          Optional<String> before = tx.settings().get(key);
          String after = OrgMfaSettings.format(wanted);
          tx.settings().put(key, after);
          return Performed.of(
              new Enforcement(org, wanted.roles(), installationFloor.roles()),
              AuditObject.of("organisation", org.id().value(), org.name()),
              Map.of(
                  "requiredRoles",
                  List.copyOf(new TreeSet<>(wanted.roles())),
                  "previousRoles",
                  before
                      .map(OrgMfaSettings::parse)
                      .map(m -> List.copyOf(new TreeSet<>(m.roles())))
                      .orElse(List.of())));
        });
  }

  private static Organisation find(io.cordon.storage.Transaction tx, OrgId id) {
    return tx.organisations()
        .find(id)
        .orElseThrow(() -> new CordonException.NotFound("no such organisation"));
  }
}
