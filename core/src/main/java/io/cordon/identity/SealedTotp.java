package io.cordon.identity;

import com.google.crypto.tink.Aead;
import io.cordon.context.CordonException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A user's TOTP secret as stored: sealed under the system secrets key with the owner's id as
 * associated data (so a sealed secret copied to another account does not open), and the check of a
 * code against it. One place for the login and the signing re-authentication. Thread-safe.
 */
final class SealedTotp {
  private final Supplier<Aead> systemSecrets;
  private final Totp totp;

  SealedTotp(Supplier<Aead> systemSecrets, Totp totp) {
    this.systemSecrets = systemSecrets;
    this.totp = totp;
  }

  String seal(byte[] secret, UserId owner) {
    try {
      return Base64.getEncoder()
          .encodeToString(systemSecrets.get().encrypt(secret, associatedData(owner)));
    } catch (GeneralSecurityException e) {
      throw new CordonException.Unavailable("cannot seal the TOTP secret", e);
    }
  }

  byte[] unseal(String sealed, UserId owner) {
    try {
      return systemSecrets.get().decrypt(Base64.getDecoder().decode(sealed), associatedData(owner));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CordonException.IntegrityViolation("stored secret failed its integrity check", e);
    }
  }

  /**
   * The step of {@code code} if it is the user's current code and not yet spent (RFC 6238 §5.2);
   * empty otherwise.
   */
  OptionalLong verify(User user, String code, Instant now) {
    if (code == null || !code.matches("\\d{6,8}") || user.totpSealed().isEmpty()) {
      return OptionalLong.empty();
    }
    TotpSecret secret = TotpSecret.of(unseal(user.totpSealed().get(), user.id()));
    try {
      return totp.verify(secret, code, now, user.totpLastStep());
    } finally {
      secret.destroy();
    }
  }

  private static byte[] associatedData(UserId owner) {
    return ("totp:" + owner.value()).getBytes(StandardCharsets.UTF_8);
  }
}
