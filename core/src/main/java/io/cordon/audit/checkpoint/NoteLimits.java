package io.cordon.audit.checkpoint;

/**
 * Bounds on notes read from outside, so that a hostile note costs little to refuse.
 * c2sp.org/signed-note requires accepting at least 16 signatures and warns that post-quantum ones
 * come near 5 kB, which the defaults allow for.
 *
 * @param maxNoteBytes the largest note accepted, in bytes
 * @param maxSignatures the most signature lines accepted
 */
public record NoteLimits(int maxNoteBytes, int maxSignatures) {
  /** 128 KiB and 100 signatures (the count Go's note package allows). */
  public static final NoteLimits DEFAULTS = new NoteLimits(128 * 1024, 100);

  public NoteLimits {
    if (maxNoteBytes < 1 || maxSignatures < 1) {
      throw new IllegalArgumentException("note limits must be positive");
    }
  }
}
