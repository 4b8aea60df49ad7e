package io.cordon.identity;

import io.cordon.storage.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The second factors a user has: a confirmed TOTP secret, passkeys, unused recovery codes. What a
 * client may offer at login or step-up is derived here, in one place. Stateless.
 */
public final class MfaFactors {
  public static final String TOTP = "totp";
  public static final String WEBAUTHN = "webauthn";
  public static final String RECOVERY = "recovery";

  private MfaFactors() {}

  /**
   * The user's enrolled factors, as the names a client offers: {@code totp}, {@code webauthn} and,
   * while codes are left and another factor exists, {@code recovery}.
   */
  public static List<String> of(Transaction tx, User user) {
    List<String> factors = new ArrayList<>();
    if (user.totpEnabled() && user.totpSealed().isPresent()) {
      factors.add(TOTP);
    }
    if (tx.passkeys().countFor(user.id()) > 0) {
      factors.add(WEBAUTHN);
    }
    if (!factors.isEmpty() && tx.recoveryCodes().remaining(user.id()) > 0) {
      factors.add(RECOVERY);
    }
    return List.copyOf(factors);
  }

  /** Whether the user has a primary second factor (TOTP or a passkey). */
  public static boolean hasAny(Transaction tx, User user) {
    return (user.totpEnabled() && user.totpSealed().isPresent())
        || tx.passkeys().countFor(user.id()) > 0;
  }
}
