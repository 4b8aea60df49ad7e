package io.cordon.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading policy documents: every bad input is rejected with its line and reason. */
class PolicySetTest {
  private static final String HEAD = "policy: t\nversion: 1\nrules:\n";
  private static final Instant NOON = Instant.parse("2026-11-24T12:00:00Z");

  private static PolicySet load(String rules) {
    return PolicySet.compile(List.of(new PolicySource("t.yaml", HEAD + rules)));
  }

  private static PolicyProblem only(String rules) {
    try {
      load(rules);
    } catch (PolicyException e) {
      assertThat(e.problems()).hasSize(1);
      return e.problems().get(0);
    }
    throw new AssertionError("loaded: " + rules);
  }

  private static String permit(String when) {
    return "  - id: r\n    effect: permit\n    actions: view\n    resources: file\n    when:\n"
        + "      "
        + when
        + "\n";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "subject.rolez: admin | unknown attribute 'subject.rolez' (did you mean subject.roles?)",
        "subject.orgKind: {above: home} | unknown operator 'above'",
        "subject.orgKind: supplier | 'supplier' is not a value of subject.orgKind",
        "context.riskScore: {atLeast: high} | context.riskScore needs a number",
        "subject.mfaAge: {atMost: 10 minutes} | needs a duration",
        "context.time: {atLeast: '25:00'} | needs a time of day",
        "subject.orgKind: {is: home, not: home} | can never match",
        "resource.classification: {atLeast: restricted, atMost: internal} | can never match",
        "context.riskScore: {atLeast: 0.9, atMost: 0.1} | can never match",
        "resource.dataTypes: {contains: PHI, containsNone: [PHI]} | can never match",
        "subject.roles: {contains: admin, containsNone: [admin]} | can never match",
        "context.zone: {in: [a], notIn: [a]} | can never match",
        "resource.classification: {atLeast: public} | always holds",
        "subject.orgKind: {exists: false, is: home} | can never match",
      })
  void compile_badCondition_rejectedAtItsLine(String when, String reason) {
    PolicyProblem p = only(permit(when));
    assertThat(p.source()).isEqualTo("t.yaml");
    assertThat(p.line()).isEqualTo(9);
    assertThat(p.reason()).contains(reason);
  }

  @Test
  void compile_duplicateRuleIds_bothLinesNamed() {
    String rule = "  - id: r\n    effect: permit\n    actions: view\n    resources: file\n";
    PolicyProblem p = only(rule + rule);
    assertThat(p.line()).isEqualTo(8);
    assertThat(p.reason()).contains("duplicate rule id 'r'").contains("t.yaml:4");
  }

  @Test
  void compile_duplicateRuleIdsAcrossDocuments_rejected() {
    String doc = HEAD + "  - id: r\n    effect: permit\n    actions: view\n    resources: file\n";
    assertThatThrownBy(
            () ->
                PolicySet.compile(
                    List.of(new PolicySource("a.yaml", doc), new PolicySource("b.yaml", doc))))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("b.yaml:4: duplicate rule id 'r' (first at a.yaml:4)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "effect: allow | unknown effect 'allow'",
        "actions: read | unknown action 'read'",
        "colour: red | unknown rule key 'colour'",
        "obligations: [shred] | unknown obligation 'shred'",
        "obligations: [watermark] | only permit and oblige rules take obligations",
      })
  void compile_badRuleField_rejected(String field, String reason) {
    String rule =
        "  - id: r\n    effect: forbid\n    actions: view\n    resources: file\n    "
            + field
            + "\n";
    if (field.startsWith("effect") || field.startsWith("actions")) {
      rule =
          "  - id: r\n    "
              + field
              + "\n    resources: file\n"
              + (field.startsWith("effect") ? "    actions: view\n" : "    effect: permit\n");
    }
    assertThat(only(rule).reason()).contains(reason);
  }

  @Test
  void compile_stepUpCuredByNonAuthentication_rejected() {
    PolicyProblem p =
        only(
            "  - id: s\n    effect: step-up\n    actions: view\n    resources: file\n"
                + "    unless:\n      context.zone: corporate\n");
    assertThat(p.reason()).contains("cannot be changed by stepping up");
    assertThat(p.line()).isEqualTo(9);
  }

  @Test
  void compile_workspaceRoleWithoutWorkspace_neverMatches() {
    PolicyProblem p =
        only(
            "  - id: w\n    effect: permit\n    actions: view\n    resources: file\n    when:\n"
                + "      subject.workspaceRole: owner\n      resource.workspace: {exists: false}\n");
    assertThat(p.reason()).contains("can never match");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'policy: t\nversion: 1\nrules: [' | malformed YAML",
        "'policy: t\nrules: []' | missing 'version'",
        "'policy: t\nversion: 1\nversion: 2\nrules: []' | duplicate key 'version'",
        "'- a\n- b' | a policy document must be a mapping",
        "'' | the document is empty",
        "'a: &x [1]\nb: *x' | malformed YAML",
      })
  void compile_malformedDocument_rejected(String text, String reason) {
    assertThatThrownBy(() -> PolicySet.compile(List.of(new PolicySource("t.yaml", text))))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void compile_manyProblems_allReported() {
    try {
      load(permit("subject.x: 1") + permit("subject.y: 2").replace("id: r", "id: s"));
      throw new AssertionError("loaded");
    } catch (PolicyException e) {
      assertThat(e.problems()).extracting(PolicyProblem::line).containsExactly(9, 15);
    }
  }

  @Test
  void decide_absentAttribute_conditionIsFalseNeverAnError() {
    PolicySet p =
        load(
            "  - id: trained\n    effect: permit\n    actions: view\n    resources: file\n"
                + "    when:\n      subject.trainings: gmp-basics\n");
    Decision d = p.decide(request(OrgKind.HOME, AuthMethod.PASSWORD), Optional.empty(), NOON);
    assertThat(d).isInstanceOf(Decision.Deny.class);
    assertThat(d.rules()).containsExactly("default-deny");
  }

  @Test
  void explain_listsEveryConsideredRuleWithWhy() {
    Explanation e =
        PolicySet.defaults()
            .explain(
                request(OrgKind.PARTNER, AuthMethod.PASSWORD),
                Optional.of(WorkspaceRole.VIEWER),
                NOON);
    assertThat(e.decision()).isInstanceOf(Decision.StepUp.class);
    assertThat(e.policyVersion()).isEqualTo("cdmo-default@1");
    assertThat(e.rules())
        .anySatisfy(
            t -> {
              assertThat(t.id()).isEqualTo("workspace-owner");
              assertThat(t.matched()).isFalse();
              assertThat(t.why()).contains("subject.workspaceRole is viewer, wanted {is: owner}");
            })
        .anySatisfy(
            t -> {
              assertThat(t.id()).isEqualTo("partner-restricted-mfa");
              assertThat(t.matched()).isTrue();
              assertThat(t.source()).startsWith("cdmo-default.yaml:");
            });
  }

  @Test
  void replace_newSetInForce_oldOneReturned() {
    AttributePolicyEngine engine =
        new AttributePolicyEngine(PolicySet.defaults(), Clock.fixed(NOON, ZoneOffset.UTC));
    PolicySet strict =
        load("  - id: nothing\n    effect: forbid\n    actions: \"*\"\n    resources: \"*\"\n");
    AccessRequest r = request(OrgKind.HOME, AuthMethod.PASSWORD_TOTP);
    assertThat(engine.decide(r, Optional.of(WorkspaceRole.OWNER)))
        .isInstanceOf(Decision.Permit.class);
    assertThat(engine.replace(strict).version()).isEqualTo("cdmo-default@1");
    assertThat(engine.decide(r, Optional.of(WorkspaceRole.OWNER)))
        .isInstanceOf(Decision.Deny.class);
  }

  @Test
  void decide_rulesFiledByWorkspaceAndOrganisation_applyOnlyToThem() {
    WorkspaceId ws = WorkspaceId.random();
    OrgId org = OrgId.random();
    PolicySet p =
        load(
            "  - id: team\n    effect: permit\n    actions: view\n    resources: file\n"
                + "    when:\n      resource.workspace: "
                + ws.value()
                + "\n"
                + "  - id: frozen-org\n    effect: forbid\n    actions: view\n    resources: file\n"
                + "    when:\n      subject.org: ["
                + org.value()
                + "]\n");
    Resource inWs = new Resource("file", "f_1", Optional.of(ws), Classification.PUBLIC, List.of());
    Resource elsewhere =
        new Resource(
            "file", "f_2", Optional.of(WorkspaceId.random()), Classification.PUBLIC, List.of());
    assertThat(p.decide(as(OrgId.random(), inWs), Optional.empty(), NOON).rules())
        .containsExactly("team");
    assertThat(p.decide(as(OrgId.random(), elsewhere), Optional.empty(), NOON).rules())
        .containsExactly("default-deny");
    assertThat(p.decide(as(org, inWs), Optional.empty(), NOON).rules())
        .containsExactly("frozen-org");
  }

  @Test
  void stepUp_saysWhenOnlyAPhishingResistantFactorWouldDo() {
    PolicySet p = PolicySet.defaults();
    AccessRequest view = request(OrgKind.PARTNER, AuthMethod.PASSWORD);
    AccessRequest download =
        new AccessRequest(
            request(OrgKind.PARTNER, AuthMethod.PASSWORD_TOTP)
                .context()
                .withNetwork(Optional.of("internet"), Optional.empty())
                .withSecondFactorAt(Optional.of(NOON)),
            Action.DOWNLOAD,
            view.resource());
    // A partner viewing restricted content needs any second factor.
    assertThat(p.decide(view, Optional.of(WorkspaceRole.VIEWER), NOON))
        .isInstanceOfSatisfying(
            Decision.StepUp.class, s -> assertThat(s.phishingResistant()).isFalse());
    // Downloading it outside the corporate network with TOTP proven needs a passkey.
    assertThat(p.decide(download, Optional.of(WorkspaceRole.VIEWER), NOON))
        .isInstanceOfSatisfying(
            Decision.StepUp.class,
            s -> {
              assertThat(s.phishingResistant()).isTrue();
              assertThat(s.rules()).contains("restricted-download-phishing-resistant");
            });
  }

  private static AccessRequest as(OrgId org, Resource resource) {
    Subject s = new Subject(UserId.random(), "a", org, OrgKind.HOME, Set.of());
    RequestContext ctx =
        RequestContext.anonymous(Channel.WEB, "198.51.100.7", Optional.empty(), "r")
            .authenticated(s, "s_1", AuthMethod.PASSWORD);
    return new AccessRequest(ctx, Action.VIEW, resource);
  }

  private static AccessRequest request(OrgKind kind, AuthMethod auth) {
    Subject s = new Subject(UserId.random(), "a", OrgId.random(), kind, Set.of("member"));
    RequestContext ctx =
        RequestContext.anonymous(Channel.WEB, "198.51.100.7", Optional.empty(), "r")
            .authenticated(s, "s_1", auth);
    return new AccessRequest(
        ctx,
        Action.VIEW,
        new Resource(
            "file",
            "f_1",
            Optional.of(WorkspaceId.random()),
            Classification.RESTRICTED,
            List.of()));
  }
}
