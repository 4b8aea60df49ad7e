package io.cordon.context;

import java.util.Optional;

/**
 * A question a long-running delivery asks again while it runs (every chunk of a download): may it
 * go on? A streaming loop checks it every {@link #CHECK_EVERY_BYTES} bytes (and at least every
 * {@link #CHECK_EVERY_NANOS}) and aborts the transfer on a refusal, so that revoking a session, a
 * token, a user or a share takes effect within one chunk. Checks compose with {@link #and}: the
 * credential check of the content service and, say, a share's "still live" check. Implementations
 * are called from the streaming thread only; each call may read the database.
 */
@FunctionalInterface
public interface StillAllowed {
  /** How many bytes may leave between two checks. */
  long CHECK_EVERY_BYTES = 1L << 20;

  /** How long a slow transfer may run between two checks. */
  long CHECK_EVERY_NANOS = 1_000_000_000L;

  /** Never refuses: for deliveries that carry no credential (a local command). */
  StillAllowed ALWAYS = Optional::empty;

  /** Why the delivery must stop now, or empty to go on. */
  Optional<String> refusal();

  /** Refuses when either refuses (this one asked first). */
  default StillAllowed and(StillAllowed other) {
    return () -> {
      Optional<String> first = refusal();
      return first.isPresent() ? first : other.refusal();
    };
  }
}
