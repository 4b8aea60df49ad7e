package io.cordon.identity;

import java.util.Locale;
import java.util.Set;

/**
 * Which users must have a second factor: holders of any of these organisation roles, or everyone
 * when the set holds {@code *}. The installation-wide floor comes from configuration ({@code
 * mfa.required-roles}); administrators add to it per organisation ({@link MfaEnforcementService}).
 * Such a user who logs in without an enrolled factor gets a session that may only enrol one (TOTP
 * or a passkey); whoever has a factor is always asked for it at login, required or not. Immutable
 * and thread-safe.
 */
public record MfaRequirement(Set<String> roles) {
  public static final String EVERYONE = "*";

  public MfaRequirement {
    roles = Set.copyOf(roles.stream().map(r -> r.strip().toLowerCase(Locale.ROOT)).toList());
  }

  public static MfaRequirement none() {
    return new MfaRequirement(Set.of());
  }

  /** Whether this user must have a second factor. */
  public boolean appliesTo(User user) {
    return roles.contains(EVERYONE) || user.roles().stream().anyMatch(roles::contains);
  }

  /** This requirement and another together: a user either one applies to. */
  public MfaRequirement and(MfaRequirement other) {
    if (other.roles.isEmpty()) {
      return this;
    }
    java.util.Set<String> both = new java.util.HashSet<>(roles);
    both.addAll(other.roles);
    return new MfaRequirement(both);
  }
}
