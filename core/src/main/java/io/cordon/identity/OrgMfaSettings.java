package io.cordon.identity;

import io.cordon.storage.Transaction;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where an organisation's own MFA requirement is kept: one setting per organisation holding the
 * roles, comma-separated and sorted ({@code *} for everyone). Settings rather than a column so that
 * the rule is read in the login transaction at no extra join and changes by compare-and-set.
 */
final class OrgMfaSettings {
  private static final String PREFIX = "mfa.required-roles.org.";

  private OrgMfaSettings() {}

  static MfaRequirement read(Transaction tx, OrgId org) {
    return tx.settings().get(key(org)).map(OrgMfaSettings::parse).orElse(MfaRequirement.none());
  }

  static String key(OrgId org) {
    return PREFIX + org.value();
  }

  static MfaRequirement parse(String stored) {
    return new MfaRequirement(
        Set.copyOf(Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).toList()));
  }

  static String format(MfaRequirement requirement) {
    return String.join(",", new TreeSet<>(requirement.roles()));
  }
}
