package io.cordon.inspect.internal;

import java.util.Collection;

/**
 * A set of title-case words looked up straight from a range of the text, without allocating a
 * String per word: the detector pass asks it for every capitalised word. A word written in capitals
 * ({@code JOHN}) is looked up in title case ({@code John}), so capitalised lists match. Open
 * addressing over a power-of-two table. Immutable after construction; thread-safe.
 */
final class WordSet {
  private final String[] table;
  private final int mask;

  WordSet(Collection<String> words) {
    int size = Integer.highestOneBit(Math.max(4, words.size() * 2 - 1)) << 1;
    table = new String[size];
    mask = size - 1;
    for (String w : words) {
      int h = hash(w, 0, w.length(), false) & mask;
      while (table[h] != null && !table[h].equals(w)) {
        h = (h + 1) & mask;
      }
      table[h] = w;
    }
  }

  int size() {
    int n = 0;
    for (String s : table) {
      n += s == null ? 0 : 1;
    }
    return n;
  }

  /** Whether the text in {@code [from, to)}, in title case, is in the set. */
  boolean contains(Text t, int from, int to) {
    int len = to - from;
    if (len <= 0) {
      return false;
    }
    boolean capitals = len > 1;
    for (int k = from + 1; k < to && capitals; k++) {
      capitals = !Character.isLowerCase(t.charAt(k));
    }
    int h = hash(t, from, to, capitals) & mask;
    for (String w = table[h]; w != null; w = table[h = (h + 1) & mask]) {
      if (w.length() == len && same(w, t, from, capitals)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} is in the set, looked up like a word of the text. */
  boolean contains(String s) {
    return contains(Text.of(s), 0, s.length());
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
