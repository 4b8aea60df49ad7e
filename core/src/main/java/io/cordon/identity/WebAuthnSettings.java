package io.cordon.identity;

import java.time.Duration;
import java.util.Set;

/**
 * The WebAuthn relying party (W3C WebAuthn Level 2 §5.1.2, §7): its id (a registrable domain that
 * browsers check against the page's origin), display name, the origins assertions may come from,
 * and how long a ceremony's challenge stays usable. Immutable.
 *
 * @param origins exact origins ({@code https://cordon.example:8443}); must not be empty
 * @param anyPort accept an origin whose host matches but whose port differs: the default when no
 *     origin is configured, because the listener may be on any port (even an ephemeral one)
 */
public record WebAuthnSettings(
    String rpId, String rpName, Set<String> origins, boolean anyPort, Duration challengeTtl) {
  public WebAuthnSettings {
    if (rpId == null || rpId.isBlank() || rpName == null || rpName.isBlank()) {
      throw new IllegalArgumentException("a relying party needs an id and a name");
    }
    origins = Set.copyOf(origins);
    if (origins.isEmpty()) {
      throw new IllegalArgumentException("a relying party needs at least one origin");
    }
    if (challengeTtl.isNegative() || challengeTtl.isZero()) {
      throw new IllegalArgumentException("challenge lifetime must be positive");
    }
  }

  /** The relying party of a listener reached as {@code https://rpId} on any port. */
  public static WebAuthnSettings forHost(String rpId) {
    return new WebAuthnSettings(
        rpId, "Cordon", Set.of("https://" + rpId), true, Duration.ofMinutes(5));
  }
}
