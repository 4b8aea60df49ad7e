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
   * Whether any of {@code words} (lower-case ASCII) ends within {@code distance} before {@code i}.
   */
  static boolean before(Text t, int i, int distance, String... words) {
    int from = Math.max(0, i - distance);
    for (int p = i - 1; p >= from; p--) {
      char c = t.charAt(p);
      char lc = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      for (String w : words) {
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

  /**
   * Whether the candidate at {@code i} directly follows a label: one of {@code words}, then only
   * label punctuation ({@code : # . - =}, "no", "number", "nr", "id") and spaces.
   */
  static boolean labelled(Text t, int i, String... words) {
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
      String w = t.slice(p + 1, wordEnd).toLowerCase(java.util.Locale.ROOT);
      if (w.equals("no")
          || w.equals("number")
          || w.equals("nr")
          || w.equals("id")
          || w.equals("num")
          || w.equals("is")
          || w.equals("code")) {
        continue;
      }
      for (String word : words) {
        int at = wordEnd - word.length();
        if (t.startsWithIgnoreCase(at, word) && !t.isLetter(at - 1)) {
          return true;
        }
      }
      return false;
    }
    return false;
  }
}
