package io.cordon.inspect.internal;

import java.util.Map;

/**
 * Title-case words, each with a set of flags (which lists it is on), looked up straight from a
 * range of the text without allocating a String: the detector pass asks it once for every
 * capitalised word and gets every list's answer in that one look-up. A word written in capitals
 * ({@code JOHN}) is looked up in title case ({@code John}), so capitalised lists match. Open
 * addressing over a power-of-two table. Immutable after construction; thread-safe.
 */
final class WordSet {
  private final String[] words;
  private final int[] flags;
  private final int mask;

  /** {@code wordFlags}: each title-case word with its non-zero flags. */
  WordSet(Map<String, Integer> wordFlags) {
    int size = Integer.highestOneBit(Math.max(4, wordFlags.size() * 2 - 1)) << 1;
    words = new String[size];
    flags = new int[size];
    mask = size - 1;
    wordFlags.forEach(
        (w, f) -> {
          int h = hash(w, 0, w.length(), false) & mask;
          while (words[h] != null && !words[h].equals(w)) {
            h = (h + 1) & mask;
          }
          words[h] = w;
          flags[h] |= f;
        });
  }

  /** The flags of the text in {@code [from, to)} in title case, or 0 when it is on no list. */
  int flags(Text t, int from, int to) {
    int len = to - from;
    if (len <= 0) {
      return 0;
    }
    boolean capitals = len > 1;
    for (int k = from + 1; k < to && capitals; k++) {
      char c = t.charAt(k);
      capitals = c < 0x80 ? c < 'a' || c > 'z' : !Character.isLowerCase(c);
    }
    int h = hash(t, from, to, capitals) & mask;
    for (String w = words[h]; w != null; w = words[h = (h + 1) & mask]) {
      if (w.length() == len && same(w, t, from, capitals)) {
        return flags[h];
      }
    }
    return 0;
  }

  private static boolean same(String w, Text t, int from, boolean capitals) {
    if (w.charAt(0) != t.charAt(from)) {
      return false;
    }
    for (int k = 1; k < w.length(); k++) {
      char c = t.charAt(from + k);
      if (w.charAt(k) != (capitals ? lower(c) : c)) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c < 0x80 ? c : Character.toLowerCase(c);
  }

  private static int hash(CharSequence s, int from, int to, boolean capitals) {
    int h = s.charAt(from);
    for (int k = from + 1; k < to; k++) {
      char c = s.charAt(k);
      h = 31 * h + (capitals ? lower(c) : c);
    }
    return h ^ (h >>> 16);
  }
}
