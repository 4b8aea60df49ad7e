package io.cordon.bench.cedar;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarpolicy.model.AuthorizationSuccessResponse;
import io.cordon.bench.cedar.CedarComparison.Setup;
import io.cordon.bench.cedar.CedarEngine.Outcome;
import io.cordon.content.Classification;
import io.cordon.content.WorkspaceId;
import io.cordon.content.WorkspaceRole;
import io.cordon.context.AuthMethod;
import io.cordon.context.Channel;
import io.cordon.context.GeoLocation;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.identity.OrgId;
import io.cordon.identity.OrgKind;
import io.cordon.identity.UserId;
import io.cordon.policy.AccessRequest;
import io.cordon.policy.Action;
import io.cordon.policy.Decision;
import io.cordon.policy.Obligation;
import io.cordon.policy.Resource;
import io.cordon.server.bench.GeneratedPolicy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cedar really decides here (its native library loads, or every test fails) and decides as Cordon
 * does on the translated policies: named permits and forbids, and all 4,096 benchmark questions.
 */
class CedarComparisonTest {
  private static Setup setup;

  @BeforeAll
  static void translateAndCache() {
    setup = Setup.of(100);
  }

  private static AccessRequest request(
      OrgKind kind, Action action, String workspace, Classification c, List<String> dataTypes) {
    Subject s =
        new Subject(
            UserId.random(),
            "qa",
            new OrgId(GeneratedPolicy.org(1)),
            kind,
            Set.of("member", "team-3"));
    RequestContext ctx =
        RequestContext.anonymous(Channel.WEB, "198.51.100.7", Optional.empty(), "r")
            .authenticated(s, "s_1", AuthMethod.PASSWORD_TOTP)
            .withNetwork(Optional.of("corporate"), Optional.of(GeoLocation.ofCountry("DE")))
            .withRiskScore(0.1);
    return new AccessRequest(
        ctx,
        action,
        new Resource("file", "f_1", Optional.of(new WorkspaceId(workspace)), c, dataTypes));
  }

  @Test
  void aWorkspaceOwnersViewIsPermittedByCedarAsByCordon() {
    AccessRequest r =
        request(
            OrgKind.HOME,
            Action.VIEW,
            GeneratedPolicy.workspace(0),
            Classification.INTERNAL,
            List.of());
    Optional<WorkspaceRole> role = Optional.of(WorkspaceRole.OWNER);

    Decision cordon = setup.cordon().decide(r, role);
    AuthorizationSuccessResponse cedar =
        setup.cedar().decide(CedarQuestions.of(r, role, CedarComparison.NOW));

    assertThat(cordon).isInstanceOf(Decision.Permit.class);
    assertThat(cedar.isAllowed()).isTrue();
    assertThat(cedar.getReason()).contains("workspace-owner");
    assertThat(cedar.getErrors()).isEmpty();
  }

  @Test
  void aGeneratedPartnerFreezeIsAForbidInCedarAsInCordon() {
    String frozen = frozenWorkspace();
    AccessRequest r =
        request(OrgKind.PARTNER, Action.DOWNLOAD, frozen, Classification.INTERNAL, List.of("PHI"));
    Optional<WorkspaceRole> role = Optional.of(WorkspaceRole.OWNER);

    Decision cordon = setup.cordon().decide(r, role);
    AuthorizationSuccessResponse cedar =
        setup.cedar().decide(CedarQuestions.of(r, role, CedarComparison.NOW));

    assertThat(cordon).isInstanceOf(Decision.Deny.class);
    assertThat(cedar.isAllowed()).isFalse();
    // The deny comes from the same generated forbid rule, not from Cedar's default.
    assertThat(cedar.getReason()).containsAll(cordon.rules());
  }

  @Test
  void aPartnersViewOfRestrictedContentCarriesTheWatermarkFromCedarsObligationSet() {
    AccessRequest r =
        request(
            OrgKind.PARTNER,
            Action.VIEW,
            GeneratedPolicy.workspace(0),
            Classification.RESTRICTED,
            List.of());
    Optional<WorkspaceRole> role = Optional.of(WorkspaceRole.VIEWER);

    Decision cordon = setup.cordon().decide(r, role);
    Outcome cedar =
        setup.cedar().decideWithObligations(CedarQuestions.of(r, role, CedarComparison.NOW));

    assertThat(cordon).isInstanceOf(Decision.Permit.class);
    assertThat(((Decision.Permit) cordon).obligations()).contains(Obligation.WATERMARK);
    assertThat(cedar.allowed()).isTrue();
    assertThat(cedar.obligations()).isEqualTo(Set.copyOf(((Decision.Permit) cordon).obligations()));
  }

  @Test
  void everyBenchmarkQuestionIsAnsweredAlikeByBothEngines() {
    Agreement a =
        Agreement.check(
            setup.cordon(),
            setup.cedar(),
            setup.translated().stepUpIds(),
            setup.workload(),
            setup.questions(),
            1);

    assertThat(a.compared()).isEqualTo(CedarComparison.REQUESTS);
    // The stream exercises all three of Cordon's answers, so agreement is not trivial.
    assertThat(a.permits()).isPositive();
    assertThat(a.denies()).isPositive();
    assertThat(a.stepUps()).isPositive();
    assertThat(a.examples()).isEmpty();
    assertThat(a.disagreements()).isZero();
    assertThat(a.cedarErrors()).isZero();
  }

  /** A workspace one of the generated rules freezes for partners on PHI downloads. */
  private static String frozenWorkspace() {
    return setup.translated().decisions().stream()
        .filter(p -> p.getSource().contains("forbid") && p.getSource().contains("\"PHI\""))
        .filter(p -> p.getSource().contains("resource.workspace == "))
        .map(p -> p.getSource().replaceAll("(?s).*resource\\.workspace == \"([^\"]+)\".*", "$1"))
        .findFirst()
        .orElseThrow();
  }
}
