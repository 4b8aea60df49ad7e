package io.cordon.simulate;

import java.util.SplittableRandom;

/** Opaque identifiers drawn from the simulation's seeded generators (never from the clock). */
final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Ids() {}

  static String next(String prefix, SplittableRandom r) {
    return prefix + hex(r, 16);
  }

  static String hex(SplittableRandom r, int length) {
    char[] c = new char[length];
    for (int i = 0; i < length; i++) {
      c[i] = HEX[r.nextInt(16)];
    }
    return new String(c);
  }
}
