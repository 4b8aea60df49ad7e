package io.cordon.inspect.internal;

/**
 * Context rules: whether one of a few lower-case words occurs shortly before a candidate (Presidio
 * calls these context words). The look-behind is bounded by {@link Scanner#LOOKBEHIND} so a
 * windowed scan sees the same context as a whole one. Thread-safe (stateless).
 */
final class Context {
  private Context() {}

  /** Default distance, in chars, that a context word may stand before the candidate. */
  static final int NEAR = 48;

  /**
   * A list of lower-case context words with the set of their last chars, so a backwards search
   * tests the words only where one could end. Immutable; thread-safe.
   */
  static final class Words {
    final String[] words;
    private final boolean[] last = new boolean[128];

    private Words(String[] words) {
      this.words = words.clone();
      for (String w : words) {
        char c = w.charAt(w.length() - 1);
        if (c < 128) {
          last[c] = true;
        }
      }
    }

    int size() {
      return words.length;
    }

    boolean mayEndWith(char c) {
      return c < 128 && last[c];
    }
  }

  static Words words(String... words) {
    return new Words(words);
  }

  /**
   * Whether any of {@code list} (lower-case ASCII) ends within {@code distance} before {@code i}.
   */
  static boolean before(Text t, int i, int distance, Words list) {
    int from = Math.max(0, i - distance);
    for (int p = i - 1; p >= from; p--) {
      char c = t.charAt(p);
      char lc = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      if (!list.mayEndWith(lc)) {
        continue;
      }
      for (String w : list.words) {
        int at = p - w.length() + 1;
        if (lc == w.charAt(w.length() - 1)
            && t.startsWithIgnoreCase(at, w)
            && !t.isLetter(at - 1)
            && !t.isLetter(p + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether any of {@code list} starts within {@code distance} after {@code end}. */
  static boolean after(Text t, int end, int distance, Words list) {
    for (int p = end; p < end + distance; p++) {
      if (t.isLetter(p) && !t.isLetter(p - 1)) {
        for (String w : list.words) {
          if (t.startsWithIgnoreCase(p, w) && !t.isLetter(p + w.length())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Words between a label and its value ("Batch no.", "Patient ID:"). */
  private static final String[] LABEL_FILLERS = {"no", "number", "nr", "id", "num", "is", "code"};

  /** Whether {@code [from, to)} is one of {@code lower} ignoring ASCII case, without a String. */
  private static boolean isAny(Text t, int from, int to, String[] lower) {
    for (String w : lower) {
      if (w.length() == to - from && t.startsWithIgnoreCase(from, w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the candidate at {@code i} directly follows a label: one of {@code words}, then only
   * label punctuation ({@code : # . - =}, "no", "number", "nr", "id") and spaces.
   */
  static boolean labelled(Text t, int i, Words list) {
    int p = i - 1;
    int stop = Math.max(0, i - 24);
    while (p >= stop) {
      char c = t.charAt(p);
      if (c == ' ' || c == ':' || c == '#' || c == '.' || c == '-' || c == '=' || c == '\t') {
        p--;
        continue;
      }
      int wordEnd = p + 1;
      while (p >= stop && t.isLetter(p)) {
        p--;
      }
      // The label first: "patient id" is a label of its own, not "patient" plus a filler.
      for (String word : list.words) {
        int at = wordEnd - word.length();
        if (t.startsWithIgnoreCase(at, word) && !t.isLetter(at - 1)) {
          return true;
        }
      }
      if (!isAny(t, p + 1, wordEnd, LABEL_FILLERS)) {
        return false;
      }
    }
    return false;
  }
}
