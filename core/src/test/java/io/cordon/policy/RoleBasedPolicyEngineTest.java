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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleBasedPolicyEngineTest {
  private final PolicyEngine engine = new RoleBasedPolicyEngine();
  private final WorkspaceId ws = WorkspaceId.random();

  private RequestContext ctx(OrgKind kind, Set<String> roles, AuthMethod auth) {
    Subject s = new Subject(UserId.random(), "alice", OrgId.random(), kind, roles);
    return RequestContext.anonymous(Channel.API, "127.0.0.1", Optional.empty(), "r")
        .authenticated(s, "s_1", auth);
  }

  private Resource file(Classification c) {
    return new Resource("file", "f_x", Optional.of(ws), c, List.of());
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "OWNER, DOWNLOAD, PERMIT", "OWNER, MANAGE, PERMIT", "MANAGER, SHARE_EXTERNAL, PERMIT",
    "CONTRIBUTOR, UPLOAD, PERMIT", "CONTRIBUTOR, MANAGE, DENY", "CONTRIBUTOR, DELETE, DENY",
    "VIEWER, DOWNLOAD, PERMIT", "VIEWER, UPLOAD, DENY", "VIEWER, SHARE_EXTERNAL, DENY",
    "AUDITOR, VIEW, PERMIT", "AUDITOR, DOWNLOAD, DENY", "AUDITOR, AUDIT, PERMIT"
  })
  void decide_workspaceRole_matchesRoleTable(WorkspaceRole role, Action action, String expected) {
    Decision d =
        engine.decide(
            new AccessRequest(
                ctx(OrgKind.HOME, Set.of("member"), AuthMethod.PASSWORD),
                action,
                file(Classification.CONFIDENTIAL)),
            Optional.of(role));
    assertThat(d.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT)).isEqualTo(expected);
    assertThat(d.rules()).isNotEmpty();
  }

  @Test
  void decide_notAMember_denies() {
    Decision d =
        engine.decide(
            new AccessRequest(
                ctx(OrgKind.HOME, Set.of("admin"), AuthMethod.PASSWORD_TOTP),
                Action.DOWNLOAD,
                file(Classification.PUBLIC)),
            Optional.empty());
    assertThat(d).isInstanceOf(Decision.Deny.class);
    assertThat(d.reason()).contains("not a member");
  }

  @Test
  void decide_anonymous_denies() {
    RequestContext anon = RequestContext.anonymous(Channel.API, "127.0.0.1", Optional.empty(), "r");
    assertThat(
            engine.decide(
                new AccessRequest(anon, Action.VIEW, Resource.system("user")), Optional.empty()))
        .isInstanceOf(Decision.Deny.class);
  }

  @Test
  void decide_partnerRestrictedWithoutSecondFactor_stepsUp() {
    Decision d =
        engine.decide(
            new AccessRequest(
                ctx(OrgKind.PARTNER, Set.of("member"), AuthMethod.PASSWORD),
                Action.DOWNLOAD,
                file(Classification.RESTRICTED)),
            Optional.of(WorkspaceRole.VIEWER));
    assertThat(d).isInstanceOf(Decision.StepUp.class);
  }

  @Test
  void decide_partnerRestrictedWithTotp_permits() {
    Decision d =
        engine.decide(
            new AccessRequest(
                ctx(OrgKind.PARTNER, Set.of("member"), AuthMethod.PASSWORD_TOTP),
                Action.DOWNLOAD,
                file(Classification.RESTRICTED)),
            Optional.of(WorkspaceRole.VIEWER));
    assertThat(d).isInstanceOf(Decision.Permit.class);
  }

  @Test
  void decide_administerAsPartnerAdminRole_denies() {
    Decision d =
        engine.decide(
            new AccessRequest(
                ctx(OrgKind.PARTNER, Set.of("admin"), AuthMethod.PASSWORD_TOTP),
                Action.ADMINISTER,
                Resource.system("user")),
            Optional.empty());
    assertThat(d).isInstanceOf(Decision.Deny.class);
  }

  @Test
  void decide_auditTrailAsPlainMember_denies() {
    Decision d =
        engine.decide(
            new AccessRequest(
                ctx(OrgKind.HOME, Set.of("member"), AuthMethod.PASSWORD),
                Action.AUDIT,
                Resource.system("audit")),
            Optional.empty());
    assertThat(d).isInstanceOf(Decision.Deny.class);
  }

  @Test
  void decide_auditTrailAsAuditor_permits() {
    Decision d =
        engine.decide(
            new AccessRequest(
                ctx(OrgKind.HOME, Set.of("auditor"), AuthMethod.PASSWORD),
                Action.AUDIT,
                Resource.system("audit")),
            Optional.empty());
    assertThat(d).isInstanceOf(Decision.Permit.class);
  }

  @Test
  void decide_partnerListsOwnWorkspaces_permitsButNotTheUserDirectory() {
    RequestContext partner = ctx(OrgKind.PARTNER, Set.of("member"), AuthMethod.PASSWORD);
    assertThat(
            engine.decide(
                new AccessRequest(partner, Action.VIEW, Resource.system("workspace-directory")),
                Optional.empty()))
        .isInstanceOf(Decision.Permit.class);
    assertThat(
            engine.decide(
                new AccessRequest(partner, Action.VIEW, Resource.system("user")), Optional.empty()))
        .isInstanceOf(Decision.Deny.class);
  }
}
