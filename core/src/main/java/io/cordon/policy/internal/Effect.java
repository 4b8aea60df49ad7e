package io.cordon.policy.internal;

import java.util.Locale;
import java.util.Optional;

/** What a matching rule does; evaluated in this order (forbid overrides everything). */
enum Effect {
  /** Deny, whatever else matches. */
  FORBID,
  /** Ask for a stronger or fresher factor, unless its {@code unless} conditions hold. */
  STEP_UP,
  /** Permit; if its {@code require} conditions fail, a step-up would permit. */
  PERMIT,
  /** Add obligations to a permit that other rules grant; never permits on its own. */
  OBLIGE;

  String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Optional<Effect> fromCode(String code) {
    for (Effect e : values()) {
      if (e.code().equals(code)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
