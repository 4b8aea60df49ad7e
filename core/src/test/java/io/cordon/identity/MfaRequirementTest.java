package io.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MfaRequirementTest {
  private static User withRoles(String... roles) {
    return new User(
        UserId.random(),
        "someone",
        "",
        OrgId.random(),
        Set.of(roles),
        Optional.empty(),
        Optional.empty(),
        false,
        0,
        0,
        Optional.empty(),
        UserStatus.ACTIVE,
        Instant.EPOCH);
  }

  @Test
  void appliesTo_holderOfARequiredRole_only() {
    MfaRequirement r = new MfaRequirement(Set.of(" Security ", "admin"));
    assertThat(r.appliesTo(withRoles("security"))).isTrue();
    assertThat(r.appliesTo(withRoles("member", "admin"))).isTrue();
    assertThat(r.appliesTo(withRoles("member"))).isFalse();
    assertThat(r.appliesTo(withRoles())).isFalse();
  }

  @Test
  void appliesTo_everyoneOrNone() {
    assertThat(new MfaRequirement(Set.of("*")).appliesTo(withRoles())).isTrue();
    assertThat(MfaRequirement.none().appliesTo(withRoles("admin"))).isFalse();
  }

  @Test
  void and_appliesToWhoeverEitherAppliesTo() {
    MfaRequirement floor = new MfaRequirement(Set.of("security"));
    MfaRequirement org = new MfaRequirement(Set.of("member"));
    assertThat(floor.and(org).appliesTo(withRoles("member"))).isTrue();
    assertThat(floor.and(org).appliesTo(withRoles("security"))).isTrue();
    assertThat(floor.and(org).appliesTo(withRoles("auditor"))).isFalse();
    assertThat(floor.and(MfaRequirement.none())).isSameAs(floor);
    assertThat(floor.and(new MfaRequirement(Set.of("*"))).appliesTo(withRoles())).isTrue();
  }

  @Test
  void storedForm_roundTrips_sorted() {
    MfaRequirement r = new MfaRequirement(Set.of("member", "admin"));
    assertThat(OrgMfaSettings.format(r)).isEqualTo("admin,member");
    assertThat(OrgMfaSettings.parse("admin,member")).isEqualTo(r);
    assertThat(OrgMfaSettings.parse("")).isEqualTo(MfaRequirement.none());
  }
}
