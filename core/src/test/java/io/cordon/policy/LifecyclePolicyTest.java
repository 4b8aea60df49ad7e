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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may delete, restore, hold and purge records: owners and managers delete, owners restore,
 * administrators do both anywhere (without gaining read access), administrators and home compliance
 * officers place and release legal holds, auditors list them, only administrators set retention.
 */
class LifecyclePolicyTest {
  private final PolicyEngine engine =
      new AttributePolicyEngine(PolicySet.defaults(), java.time.Clock.systemUTC());

  @ParameterizedTest(name = "{0} {1} {2} as {3} on {4} -> {5}")
  @CsvSource({
    "HOME, member, OWNER, DELETE, file, PERMIT",
    "HOME, member, MANAGER, DELETE, file, PERMIT",
    "HOME, member, CONTRIBUTOR, DELETE, file, DENY",
    "HOME, member, OWNER, RESTORE, file, PERMIT",
    "HOME, member, MANAGER, RESTORE, file, DENY",
    "HOME, admin, -, DELETE, file, PERMIT",
    "HOME, admin, -, RESTORE, file, PERMIT",
    "HOME, admin, -, DOWNLOAD, file, DENY",
    "PARTNER, member, OWNER, RESTORE, file, PERMIT",
    "PARTNER, compliance, -, LEGAL_HOLD, legal-hold, DENY",
    "HOME, compliance, -, LEGAL_HOLD, legal-hold, PERMIT",
    "HOME, compliance, -, AUDIT, legal-hold, PERMIT",
    "HOME, admin, -, LEGAL_HOLD, legal-hold, PERMIT",
    "HOME, auditor, -, LEGAL_HOLD, legal-hold, DENY",
    "HOME, auditor, -, AUDIT, legal-hold, PERMIT",
    "HOME, member, -, LEGAL_HOLD, legal-hold, DENY",
    "HOME, member, -, AUDIT, legal-hold, DENY",
    "HOME, admin, -, ADMINISTER, retention, PERMIT",
    "HOME, compliance, -, ADMINISTER, retention, DENY",
    "HOME, member, -, ADMINISTER, retention, DENY",
    "HOME, compliance, -, DELETE, file, DENY"
  })
  void decide_lifecycleActions_matchTheRules(
      OrgKind kind,
      String orgRole,
      String workspaceRole,
      Action action,
      String resourceType,
      String expected) {
    Subject s = new Subject(UserId.random(), "alice", OrgId.random(), kind, Set.of(orgRole));
    RequestContext ctx =
        RequestContext.anonymous(Channel.API, "127.0.0.1", Optional.empty(), "r")
            .authenticated(s, "s_1", AuthMethod.PASSWORD_TOTP);
    Optional<WorkspaceId> ws =
        resourceType.equals("file") ? Optional.of(WorkspaceId.random()) : Optional.empty();
    Resource resource =
        new Resource(resourceType, "x_1", ws, Classification.CONFIDENTIAL, List.of());
    Optional<WorkspaceRole> role =
        workspaceRole.equals("-")
            ? Optional.empty()
            : Optional.of(WorkspaceRole.valueOf(workspaceRole));

    Decision d = engine.decide(new AccessRequest(ctx, action, resource), role);

    assertThat(d.getClass().getSimpleName().toUpperCase(Locale.ROOT)).isEqualTo(expected);
    assertThat(d.rules()).isNotEmpty();
  }
}
