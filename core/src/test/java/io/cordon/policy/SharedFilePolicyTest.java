package io.cordon.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.content.Classification;
import io.cordon.content.WorkspaceId;
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
 * The sharing rules of the first engine: a {@code shared-file} (built only for a live share's
 * recipient) may be viewed and downloaded by any authenticated subject without a workspace role,
 * partners stepping up for restricted content; a {@code share} may be revoked by home
 * administrators; everyone lists their own shares.
 */
class SharedFilePolicyTest {
  private final PolicyEngine engine = new RoleBasedPolicyEngine();
  private final WorkspaceId ws = WorkspaceId.random();

  private RequestContext ctx(OrgKind kind, String role, AuthMethod auth) {
    Subject s = new Subject(UserId.random(), "bob", OrgId.random(), kind, Set.of(role));
    return RequestContext.anonymous(Channel.API, "127.0.0.1", Optional.empty(), "r")
        .authenticated(s, "s_1", auth);
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} {4} -> {5}")
  @CsvSource({
    "shared-file, PARTNER, member, PASSWORD, DOWNLOAD, CONFIDENTIAL, PERMIT",
    "shared-file, PARTNER, member, PASSWORD, VIEW, CONFIDENTIAL, PERMIT",
    "shared-file, PARTNER, member, PASSWORD, DOWNLOAD, RESTRICTED, STEPUP",
    "shared-file, PARTNER, member, PASSWORD_TOTP, DOWNLOAD, RESTRICTED, PERMIT",
    "shared-file, HOME, member, PASSWORD, DOWNLOAD, RESTRICTED, PERMIT",
    "shared-file, PARTNER, member, PASSWORD, UPLOAD, CONFIDENTIAL, DENY",
    "shared-file, PARTNER, member, PASSWORD, SHARE_EXTERNAL, CONFIDENTIAL, DENY",
    "shared-file, PARTNER, member, PASSWORD, DELETE, CONFIDENTIAL, DENY",
    "share, HOME, admin, PASSWORD, SHARE_EXTERNAL, RESTRICTED, PERMIT",
    "share, HOME, member, PASSWORD, SHARE_EXTERNAL, RESTRICTED, DENY",
    "share, PARTNER, member, PASSWORD, SHARE_EXTERNAL, CONFIDENTIAL, DENY",
    "file, PARTNER, member, PASSWORD, DOWNLOAD, PUBLIC, DENY"
  })
  void decide_withoutWorkspaceRole_followsSharingRules(
      String type,
      OrgKind kind,
      String role,
      AuthMethod auth,
      Action action,
      Classification c,
      String expected) {
    Resource r = new Resource(type, "f_x", Optional.of(ws), c, List.of());
    Decision d =
        engine.decide(new AccessRequest(ctx(kind, role, auth), action, r), Optional.empty());
    assertThat(d.getClass().getSimpleName().toUpperCase(Locale.ROOT)).isEqualTo(expected);
    assertThat(d.rules()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PARTNER", "HOME"})
  void decide_ownShares_everyoneMayList(OrgKind kind) {
    Decision d =
        engine.decide(
            new AccessRequest(
                ctx(kind, "member", AuthMethod.PASSWORD),
                Action.VIEW,
                Resource.system("share-directory")),
            Optional.empty());
    assertThat(d).isInstanceOf(Decision.Permit.class);
  }
}
