package io.cordon.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.content.Classification;
import io.cordon.content.WorkspaceId;
import io.cordon.content.WorkspaceRole;
import io.cordon.context.AuthMethod;
import io.cordon.context.Channel;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.identity.OrgId;
import io.cordon.identity.OrgKind;
import io.cordon.identity.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The default CDMO policy decides every request the first, role-based engine decided exactly as it
 * did (the kind of decision, over every org kind, org role, factor, workspace role, action,
 * resource type and classification), except where the CDMO rules are deliberately stricter. The
 * role-based engine is kept only as this reference.
 */
class PolicyEquivalenceTest {
  private static final List<String> INSTALLATION_TYPES =
      List.of(
          "user",
          "organisation",
          "audit",
          "legal-hold",
          "audit-proof",
          "witness",
          "workspace-directory",
          "workspace",
          "retention",
          "keys",
          "blob-store");

  private final PolicyEngine before = new RoleBasedPolicyEngine();
  private final PolicyEngine after =
      new AttributePolicyEngine(
          PolicySet.defaults(),
          // A Tuesday noon: the off-hours obligations do not apply, and obligations do not change
          // the kind of decision anyway.
          Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void decide_everyRequestOfTheRoleTable_sameKindOfDecision() {
    List<String> differences = new ArrayList<>();
    int compared = 0;
    for (OrgKind kind : OrgKind.values()) {
      for (String orgRole : List.of("member", "admin", "auditor", "compliance", "security")) {
        for (AuthMethod auth : List.of(AuthMethod.PASSWORD, AuthMethod.PASSWORD_TOTP)) {
          RequestContext ctx = ctx(kind, orgRole, auth);
          for (Action action : Action.values()) {
            for (Classification c : Classification.values()) {
              for (Optional<WorkspaceRole> role : roles()) {
                compared += compare(differences, ctx, action, file(c), role);
              }
              for (String type : INSTALLATION_TYPES) {
                Resource r = new Resource(type, type, Optional.empty(), c, List.of());
                compared += compare(differences, ctx, action, r, Optional.empty());
              }
            }
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(10_000);
    assertThat(differences).isEmpty();
  }

  private int compare(
      List<String> differences,
      RequestContext ctx,
      Action action,
      Resource resource,
      Optional<WorkspaceRole> role) {
    AccessRequest request = new AccessRequest(ctx, action, resource);
    String old = kind(before.decide(request, role));
    String now = kind(after.decide(request, role));
    if (!old.equals(now) && !deliberatelyStricter(request, role, old, now)) {
      differences.add(
          ctx.subject().orElseThrow()
              + " "
              + action
              + " "
              + resource
              + " "
              + role
              + ": "
              + old
              + " -> "
              + now);
    }
    return 1;
  }

  /**
   * Where the CDMO policy refuses what the role table allowed: partners never share restricted
   * content outside, and only auditors of the trail and of legal holds are auditors installation
   * wide (the role table let an org auditor audit any installation-wide resource type).
   */
  private static boolean deliberatelyStricter(
      AccessRequest r, Optional<WorkspaceRole> role, String old, String now) {
    Subject s = r.context().subject().orElseThrow();
    boolean partnerReshare =
        s.orgKind() == OrgKind.PARTNER
            && r.action() == Action.SHARE_EXTERNAL
            && r.resource().classification() == Classification.RESTRICTED;
    boolean auditorElsewhere =
        r.action() == Action.AUDIT
            && r.resource().workspace().isEmpty()
            && !Set.of("audit", "legal-hold").contains(r.resource().type())
            && s.hasRole("auditor");
    return now.equals("Deny") && old.equals("Permit") && (partnerReshare || auditorElsewhere);
  }

  private static List<Optional<WorkspaceRole>> roles() {
    List<Optional<WorkspaceRole>> out = new ArrayList<>();
    out.add(Optional.empty());
    for (WorkspaceRole r : WorkspaceRole.values()) {
      out.add(Optional.of(r));
    }
    return out;
  }

  private static String kind(Decision d) {
    return d.getClass().getSimpleName();
  }

  private static RequestContext ctx(OrgKind kind, String role, AuthMethod auth) {
    Subject s = new Subject(UserId.random(), "alice", OrgId.random(), kind, Set.of(role));
    return RequestContext.anonymous(Channel.API, "127.0.0.1", Optional.empty(), "r")
        .authenticated(s, "s_1", auth);
  }

  private static Resource file(Classification c) {
    return new Resource("file", "f_x", Optional.of(WorkspaceId.random()), c, List.of("PHI"));
  }
}
