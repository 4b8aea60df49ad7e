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
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 4 item 8, against the engine: the default policy across workspace role × classification ×
 * network zone × action × home/partner × factor × risk, compared with an oracle written
 * independently from docs/policies.md (not from the YAML), so a changed rule shows up as a named
 * cell of the table.
 */
class AuthorizationMatrixTest {
  private static final PolicySet POLICY = PolicySet.defaults();
  private static final Instant WEEKDAY_NOON = Instant.parse("2026-11-24T12:00:00Z");
  private static final Map<WorkspaceRole, Set<Action>> ROLE_TABLE =
      Map.of(
          WorkspaceRole.OWNER,
          EnumSet.of(
              Action.VIEW,
              Action.DOWNLOAD,
              Action.UPLOAD,
              Action.SHARE_EXTERNAL,
              Action.DELETE,
              Action.SIGN,
              Action.MANAGE,
              Action.AUDIT,
              Action.RESTORE,
              Action.CLASSIFY,
              Action.DECLASSIFY),
          WorkspaceRole.MANAGER,
          EnumSet.of(
              Action.VIEW,
              Action.DOWNLOAD,
              Action.UPLOAD,
              Action.SHARE_EXTERNAL,
              Action.DELETE,
              Action.SIGN,
              Action.MANAGE,
              Action.CLASSIFY,
              Action.DECLASSIFY),
          WorkspaceRole.CONTRIBUTOR,
          EnumSet.of(Action.VIEW, Action.DOWNLOAD, Action.UPLOAD, Action.SIGN, Action.CLASSIFY),
          WorkspaceRole.VIEWER,
          EnumSet.of(Action.VIEW, Action.DOWNLOAD),
          WorkspaceRole.AUDITOR,
          EnumSet.of(Action.VIEW, Action.AUDIT));

  @Test
  void decide_fullMatrix_matchesTheDocumentedRules() {
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (OrgKind kind : OrgKind.values()) {
      for (AuthMethod auth :
          List.of(AuthMethod.PASSWORD, AuthMethod.PASSWORD_TOTP, AuthMethod.WEBAUTHN)) {
        for (Optional<String> zone :
            List.of(Optional.<String>empty(), Optional.of("corporate"), Optional.of("internet"))) {
          for (double risk : new double[] {0, 0.75, 0.97}) {
            for (WorkspaceRole role : WorkspaceRole.values()) {
              for (Classification c : Classification.values()) {
                for (Action action : Action.values()) {
                  cells++;
                  String expected = oracle(kind, auth, zone, risk, role, c, action);
                  String got = kind(decide(kind, auth, zone, risk, role, c, action));
                  if (!expected.equals(got)) {
                    wrong.add(
                        kind
                            + " "
                            + auth
                            + " "
                            + zone
                            + " risk "
                            + risk
                            + " "
                            + role
                            + " "
                            + c
                            + " "
                            + action
                            + ": expected "
                            + expected
                            + ", got "
                            + got);
                  }
                }
              }
            }
          }
        }
      }
    }
    assertThat(cells).isEqualTo(2 * 3 * 3 * 3 * 5 * 4 * Action.values().length);
    assertThat(wrong).isEmpty();
  }

  /** docs/policies.md, "Default rules", for a member of a workspace acting on a file in it. */
  private static String oracle(
      OrgKind kind,
      AuthMethod auth,
      Optional<String> zone,
      double risk,
      WorkspaceRole role,
      Classification c,
      Action action) {
    boolean partner = kind == OrgKind.PARTNER;
    boolean restricted = c == Classification.RESTRICTED;
    if (!ROLE_TABLE.get(role).contains(action)) {
      return "deny";
    }
    if (risk >= 0.95 && (action == Action.DOWNLOAD || action == Action.SHARE_EXTERNAL)) {
      return "deny";
    }
    if (partner && restricted && action == Action.SHARE_EXTERNAL) {
      return "deny";
    }
    boolean read = action == Action.VIEW || action == Action.DOWNLOAD;
    if (partner && restricted && read && !auth.isMultiFactor()) {
      return "step-up";
    }
    if (restricted
        && action == Action.DOWNLOAD
        && zone.isPresent()
        && !zone.get().equals("corporate")
        && auth != AuthMethod.WEBAUTHN) {
      return "step-up";
    }
    if (risk >= 0.7) {
      return "step-up"; // no second factor within the last 10 minutes in this table
    }
    return "permit";
  }

  private static Decision decide(
      OrgKind kind,
      AuthMethod auth,
      Optional<String> zone,
      double risk,
      WorkspaceRole role,
      Classification c,
      Action action) {
    Subject s = new Subject(UserId.random(), "u", OrgId.random(), kind, Set.of("member"));
    RequestContext ctx =
        RequestContext.anonymous(Channel.WEB, "198.51.100.7", Optional.empty(), "r")
            .authenticated(s, "s_1", auth)
            .withNetwork(zone, Optional.empty())
            .withRiskScore(risk);
    Resource file = new Resource("file", "f_1", Optional.of(WorkspaceId.random()), c, List.of());
    return POLICY.decide(new AccessRequest(ctx, action, file), Optional.of(role), WEEKDAY_NOON);
  }

  private static String kind(Decision d) {
    return switch (d) {
      case Decision.Permit p -> "permit";
      case Decision.Deny x -> "deny";
      case Decision.StepUp x -> "step-up";
    };
  }
}
