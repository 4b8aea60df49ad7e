package io.cordon.store.keys;

import io.cordon.context.CordonException;

/**
 * Argon2id cost parameters (RFC 9106). The defaults, 64 MiB of memory, 3 passes and one lane,
 * follow RFC 9106 section 4's second recommended option, with one lane because BouncyCastle
 * computes lanes on one thread. The parameters are recorded beside the sealed key, so they can be
 * raised later for new seals without breaking existing ones.
 *
 * @param memoryKiB memory in KiB, at least 8 per lane and at most 1 GiB (a bound on what a tampered
 *     sealed file can make Cordon allocate)
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism) {
  static final int MAX_MEMORY_KIB = 1 << 20;

  public Argon2Settings {
    if (parallelism < 1
        || parallelism > 16
        || iterations < 1
        || iterations > 64
        || memoryKiB < 8 * parallelism
        || memoryKiB > MAX_MEMORY_KIB) {
      throw new CordonException.InvalidInput("Argon2id parameters out of range");
    }
  }

  public static Argon2Settings defaults() {
    return new Argon2Settings(64 * 1024, 3, 1);
  }
}
