package io.cordon.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * A condition attached to a permit that the channel must honour (ARCHITECTURE.md "Policy"). The
 * codes are the names used in policy documents and in audit details; they never change.
 */
public enum Obligation {
  /** Only the server-rendered, watermarked view may be delivered; the bytes may not. */
  VIEW_ONLY("view-only"),
  /** Whatever is delivered carries the viewer's watermark. */
  WATERMARK("watermark"),
  /** The resource's owner is told of the access. */
  NOTIFY_OWNER("notify-owner"),
  /** The requester must state why, and the reason goes into the audit event. */
  JUSTIFICATION_REQUIRED("justification-required");

  private final String code;

  Obligation(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The obligation with this code, if there is one. */
  public static Optional<Obligation> fromCode(String code) {
    String c = code.toLowerCase(Locale.ROOT);
    for (Obligation o : values()) {
      if (o.code.equals(c)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
