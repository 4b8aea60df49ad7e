package io.cordon.audit.signature;

import io.cordon.context.CordonException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a signer submits: the version they sign, the meaning, both re-authentication components and
 * their time zone; for a receipt also the SHA-256 of the bytes they received. Validated here, so
 * bad input is refused before anything is recorded. Call {@link #clear()} when done.
 *
 * @param zone an IANA time zone id (e.g. {@code Europe/Berlin}); UTC when absent
 * @param sha256 lowercase hex; required for receipts
 */
public record SignatureRequest(
    int version,
    String meaning,
    char[] password,
    String code,
    ZoneId zone,
    Optional<String> sha256) {
  public SignatureRequest {
    if (version < 1) {
      throw new CordonException.InvalidInput("'version' must be a version number of 1 or more");
    }
    if (meaning == null || meaning.isBlank()) {
      throw new CordonException.InvalidInput("'meaning' is required");
    }
    if (password == null || password.length == 0 || code == null || code.isBlank()) {
      throw new CordonException.InvalidInput(
          "signing needs both components: 'password' and a current 'code'");
    }
    zone = zone == null ? ZoneId.of("UTC") : zone;
    sha256 = sha256 == null ? Optional.empty() : sha256.map(SignatureRequest::checkSha256);
  }

  /** Parses an IANA zone id as a signer gives it; absent means UTC. */
  public static ZoneId zone(Optional<String> raw) {
    if (raw.isEmpty()) {
      return ZoneId.of("UTC");
    }
    String id = raw.get();
    if (!ZoneId.getAvailableZoneIds().contains(id)) {
      throw new CordonException.InvalidInput(
          "'timeZone' must be an IANA time zone such as Europe/Berlin or UTC");
    }
    return ZoneId.of(id);
  }

  private static String checkSha256(String raw) {
    String hex = raw.toLowerCase(Locale.ROOT);
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new CordonException.InvalidInput("'sha256' must be 64 hexadecimal digits");
    }
    return hex;
  }

  /** Overwrites the password in memory. */
  public void clear() {
    Arrays.fill(password, '\0');
  }
}
