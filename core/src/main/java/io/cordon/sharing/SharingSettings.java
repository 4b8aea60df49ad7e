package io.cordon.sharing;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Installation-wide sharing rules.
 *
 * @param allowedDomains e-mail domains recipients may belong to (lower case); empty allows any
 * @param invitationTtl how long an invitation link works
 * @param linkBase the public base URL that links in e-mail start with ({@code https://host:port})
 * @param viewMaxBytes the largest version rendered as a watermarked view (held in memory)
 */
public record SharingSettings(
    Set<String> allowedDomains, Duration invitationTtl, String linkBase, long viewMaxBytes) {
  public SharingSettings {
    allowedDomains =
        allowedDomains.stream()
            .map(d -> d.strip().toLowerCase(Locale.ROOT))
            .filter(d -> !d.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    if (invitationTtl.isNegative() || invitationTtl.isZero()) {
      throw new IllegalArgumentException("invitation lifetime must be positive");
    }
    linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    if (viewMaxBytes < 1 || viewMaxBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("the view limit must fit one array");
    }
  }

  /** Whether an address in this domain may receive shares. */
  public boolean allows(String domain) {
    return allowedDomains.isEmpty() || allowedDomains.contains(domain.toLowerCase(Locale.ROOT));
  }
}
