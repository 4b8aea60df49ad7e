package io.cordon.identity;

import java.time.Instant;

/** An organisation: the home organisation (exactly one) or a partner. */
public record Organisation(OrgId id, String name, OrgKind kind, Instant created) {
  public Organisation {
    if (id == null || name == null || name.isBlank() || kind == null || created == null) {
      throw new IllegalArgumentException("organisation needs id, name, kind and creation time");
    }
  }
}
