package io.cordon.inspect.internal;

/**
 * The digit groups starting at a position: runs of digits joined by one consistent separator
 * (space, hyphen or dot), as in {@code 4012 8888 8888 1881} or {@code 078-05-1123}. Parsed once per
 * trigger and shared by the numeric detectors. Mutable and reused; not thread-safe.
 */
final class Groups {
  static final int MAX = 8;
  final int[] starts = new int[MAX];
  final int[] ends = new int[MAX];
  int count;
  char sep;

  void parse(Text t, int i, int limit) {
    count = 0;
    sep = 0;
    int p = i;
    while (count < MAX) {
      int e = t.digitsEnd(p, limit);
      starts[count] = p;
      ends[count] = e;
      count++;
      char c = t.charAt(e);
      boolean joins = c == ' ' || c == '-' || c == '.';
      if (!joins || e - p > 19 || e + 1 >= limit || !t.isDigit(e + 1) || sep != 0 && c != sep) {
        return;
      }
      sep = c;
      p = e + 1;
    }
  }

  int len(int g) {
    return ends[g] - starts[g];
  }

  // Fixed arities, not varargs: the numeric detectors ask these for every number in the text,
  // and a varargs call allocates its array unless the JIT proves it does not escape.

  /** Whether the first three groups have exactly these lengths. */
  boolean shape(int a, int b, int c) {
    return count >= 3 && len(0) == a && len(1) == b && len(2) == c;
  }

  /** Whether the first four groups have exactly these lengths. */
  boolean shape(int a, int b, int c, int d) {
    return count >= 4 && len(0) == a && len(1) == b && len(2) == c && len(3) == d;
  }

  /** Whether the first two groups have exactly these lengths. */
  boolean shape(int a, int b) {
    return count >= 2 && len(0) == a && len(1) == b;
  }

  int digits(int k) {
    int n = 0;
    for (int g = 0; g < k; g++) {
      n += len(g);
    }
    return n;
  }

  /** The digits of the first {@code k} groups without separators. */
  String digitString(Text t, int k) {
    StringBuilder b = new StringBuilder(24);
    for (int g = 0; g < k; g++) {
      for (int p = starts[g]; p < ends[g]; p++) {
        b.append(t.charAt(p));
      }
    }
    return b.toString();
  }

  /** End offset after the first {@code k} groups. */
  int end(int k) {
    return ends[k - 1];
  }
}
