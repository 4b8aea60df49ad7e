package io.cordon.server.web.ui;

import java.util.List;

/**
 * The user's own sign-in settings: enrolled factors, passkeys and how many recovery codes remain.
 *
 * @param passkeys the labels and creation days of the user's passkeys
 */
public record AccountPage(
    String auth, List<String> factors, int recoveryCodesLeft, List<String> passkeys) {
  public AccountPage {
    factors = List.copyOf(factors);
    passkeys = List.copyOf(passkeys);
  }

  public boolean has(String factor) {
    return factors.contains(factor);
  }
}
