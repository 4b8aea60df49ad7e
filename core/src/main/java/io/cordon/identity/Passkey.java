package io.cordon.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * A registered WebAuthn credential (a passkey or security key) as stored: public material only (W3C
 * WebAuthn Level 2 §6.1); the private key never leaves the authenticator. Immutable.
 *
 * @param id Cordon's opaque id of the registration ({@code pk_…}), used in routes and audit
 * @param credentialId the authenticator's credential id, base64url without padding
 * @param publicKeyCose the credential public key as a COSE_Key (RFC 9052), base64url
 * @param signCount the highest signature counter seen; a lower one means a cloned authenticator
 * @param label the name the user gave it ("laptop", "YubiKey 5")
 */
public record Passkey(
    String id,
    UserId user,
    String credentialId,
    String publicKeyCose,
    long signCount,
    String label,
    Instant created,
    Optional<Instant> lastUsed) {
  /** The longest label kept. */
  public static final int MAX_LABEL = 100;

  public Passkey {
    if (id == null
        || user == null
        || credentialId == null
        || publicKeyCose == null
        || label == null
        || created == null
        || signCount < 0) {
      throw new IllegalArgumentException("incomplete passkey");
    }
    lastUsed = lastUsed == null ? Optional.empty() : lastUsed;
  }

  /** Checks a user-given label: 1-100 printable characters. */
  public static String checkLabel(String label) {
    String l = label == null ? "" : label.strip();
    if (l.isEmpty() || l.length() > MAX_LABEL || l.chars().anyMatch(Character::isISOControl)) {
      throw new io.cordon.context.CordonException.InvalidInput(
          "a passkey label must be 1-100 printable characters");
    }
    return l;
  }
}
