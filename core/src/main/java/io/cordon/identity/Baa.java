package io.cordon.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * An organisation's Business Associate Agreement (HIPAA 45 CFR 164.502(e), 164.504(e)): whether one
 * is signed and from when it is in force. Policy sees an agreement in force as {@code BAA} in the
 * organisation's agreements ({@code subject.agreements}, {@code recipient.agreements}). Immutable.
 *
 * @param signed whether a BAA is on file
 * @param effective from when it is in force (empty: from the moment it was recorded)
 */
public record Baa(boolean signed, Optional<Instant> effective) {
  /** The agreement's name in policy attributes. */
  public static final String AGREEMENT = "BAA";

  public static final Baa NONE = new Baa(false, Optional.empty());

  public Baa {
    effective = effective == null ? Optional.empty() : effective;
  }

  public boolean isInForce(Instant now) {
    return signed && effective.map(e -> !e.isAfter(now)).orElse(true);
  }
}
