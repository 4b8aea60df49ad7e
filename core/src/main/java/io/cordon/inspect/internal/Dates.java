package io.cordon.inspect.internal;

/**
 * Calendar dates as people write them: ISO {@code 1970-01-31}, numeric {@code 31/01/1970}, {@code
 * 01.31.70}, and with month names ({@code 31 Jan 1970}, {@code January 31, 1970}, {@code
 * 31-JAN-1970}). Stateless; thread-safe.
 */
final class Dates {
  private static final String[] MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december"
  };

  private Dates() {}

  /** The end of a date starting at {@code i}, or -1. */
  static int end(Text t, int i, int limit) {
    if (t.isDigit(i)) {
      int e = numeric(t, i);
      if (e > 0) {
        return e;
      }
      int d = t.digitsEnd(i, i + 3);
      if (d - i > 2 || t.digitsValue(i, d) > 31) {
        return -1;
      }
      int p = d;
      if (t.startsWithIgnoreCase(p, "st")
          || t.startsWithIgnoreCase(p, "nd")
          || t.startsWithIgnoreCase(p, "rd")
          || t.startsWithIgnoreCase(p, "th")) {
        p += 2;
      }
      if (t.charAt(p) == ' ' || t.charAt(p) == '-' || t.charAt(p) == '.') {
        p++;
      }
      int mEnd = month(t, p);
      if (mEnd < 0) {
        return -1;
      }
      p = mEnd;
      if (t.charAt(p) == '.') {
        p++;
      }
      if (t.charAt(p) == ' ' || t.charAt(p) == '-' || t.charAt(p) == ',') {
        p++;
      }
      if (t.charAt(p) == ' ') {
        p++;
      }
      return year(t, p);
    }
    int mEnd = month(t, i);
    if (mEnd < 0) {
      return -1;
    }
    int p = mEnd;
    if (t.charAt(p) == '.') {
      p++;
    }
    if (t.charAt(p) != ' ') {
      return -1;
    }
    int d = t.digitsEnd(p + 1, p + 4);
    if (d - p - 1 < 1 || d - p - 1 > 2) {
      return -1;
    }
    p = d;
    if (t.startsWithIgnoreCase(p, "st")
        || t.startsWithIgnoreCase(p, "nd")
        || t.startsWithIgnoreCase(p, "rd")
        || t.startsWithIgnoreCase(p, "th")) {
      p += 2;
    }
    if (t.charAt(p) == ',') {
      p++;
    }
    if (t.charAt(p) != ' ') {
      return -1;
    }
    return year(t, p + 1);
  }

  /** First two letters of the month names, as bits of a 26 x 26 table (ASCII case ignored). */
  private static final long[] MONTH_PREFIX = new long[26];

  static {
    for (String name : MONTHS) {
      MONTH_PREFIX[name.charAt(0) - 'a'] |= 1L << (name.charAt(1) - 'a');
    }
  }

  /**
   * Whether a word starting with {@code a b} can be a month name: most prose words are ruled out by
   * their first two letters before any date parsing.
   */
  static boolean mayStartMonth(char a, char b) {
    int x = (a | 0x20) - 'a';
    int y = (b | 0x20) - 'a';
    return x >= 0 && x < 26 && y >= 0 && y < 26 && (MONTH_PREFIX[x] & 1L << y) != 0;
  }

  private static int year(Text t, int p) {
    int e = t.digitsEnd(p, p + 5);
    return e - p == 4 && !t.isAlnum(e) ? e : -1;
  }

  /** Month names keyed by their first three lower-case letters packed into an int. */
  private static final int[] KEYS = new int[MONTHS.length];

  static {
    for (int k = 0; k < MONTHS.length; k++) {
      KEYS[k] = key(MONTHS[k].charAt(0), MONTHS[k].charAt(1), MONTHS[k].charAt(2));
    }
  }

  private static int key(char a, char b, char c) {
    return (a | 0x20) << 16 | (b | 0x20) << 8 | (c | 0x20);
  }

  private static int month(Text t, int p) {
    int key = key(t.charAt(p), t.charAt(p + 1), t.charAt(p + 2));
    for (int k = 0; k < KEYS.length; k++) {
      if (KEYS[k] != key) {
        continue;
      }
      String name = MONTHS[k];
      if (t.startsWithIgnoreCase(p, name) && !t.isLetter(p + name.length())) {
        return p + name.length();
      }
      if (!t.isLetter(p + 3)) {
        return p + 3;
      }
      if (k == 8 && t.startsWithIgnoreCase(p, "sept") && !t.isLetter(p + 4)) {
        return p + 4;
      }
      return -1;
    }
    return -1;
  }

  private static int numeric(Text t, int i) {
    int a = t.digitsEnd(i, i + 5);
    char sep = t.charAt(a);
    if (sep != '-' && sep != '/' && sep != '.') {
      return -1;
    }
    int b = t.digitsEnd(a + 1, a + 4);
    if (t.charAt(b) != sep) {
      return -1;
    }
    int c = t.digitsEnd(b + 1, b + 6);
    int la = a - i;
    int lb = b - a - 1;
    int lc = c - b - 1;
    if (t.isAlnum(c) || (t.charAt(c) == sep && t.isDigit(c + 1))) {
      return -1;
    }
    int x = la > 0 && la <= 4 ? t.digitsValue(i, a) : -1;
    int y = lb > 0 && lb <= 2 ? t.digitsValue(a + 1, b) : -1;
    int z = lc > 0 && lc <= 4 ? t.digitsValue(b + 1, c) : -1;
    if (la == 4 && lb >= 1 && lc >= 1 && lc <= 2) {
      return y >= 1 && y <= 12 && z >= 1 && z <= 31 ? c : -1;
    }
    if (la >= 1 && la <= 2 && lb >= 1 && (lc == 4 || lc == 2)) {
      boolean dayMonth = x >= 1 && x <= 31 && y >= 1 && y <= 12;
      boolean monthDay = x >= 1 && x <= 12 && y >= 1 && y <= 31;
      return dayMonth || monthDay ? c : -1;
    }
    return -1;
  }
}
