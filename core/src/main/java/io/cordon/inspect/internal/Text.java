package io.cordon.inspect.internal;

/**
 * The text under scan: a char array and its used length. Reads outside {@code [0, length)} answer
 * {@code 0}, so detectors need no bounds checks at the edges of a window. Not thread-safe; a scan
 * owns its Text.
 */
public final class Text implements CharSequence {
  private final char[] chars;
  private final int length;

  public Text(char[] chars, int length) {
    if (length < 0 || length > chars.length) {
      throw new IllegalArgumentException("length");
    }
    this.chars = chars;
    this.length = length;
  }

  public static Text of(CharSequence s) {
    char[] a = s.toString().toCharArray();
    return new Text(a, a.length);
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int i) {
    return i >= 0 && i < length ? chars[i] : 0;
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new String(chars, start, end - start);
  }

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }

  public String slice(int start, int end) {
    return new String(chars, start, end - start);
  }

  private static final byte DIGIT = 1;
  private static final byte UPPER = 2;
  private static final byte LOWER = 4;
  private static final byte[] ASCII = new byte[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      ASCII[c] = DIGIT;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      ASCII[c] = UPPER;
      ASCII[c + 32] = LOWER;
    }
  }

  public boolean isDigit(int i) {
    char c = charAt(i);
    return c >= '0' && c <= '9';
  }

  public boolean isUpper(int i) {
    char c = charAt(i);
    return c >= 'A' && c <= 'Z';
  }

  public boolean isLetter(int i) {
    char c = charAt(i);
    return c < 0x80 ? (ASCII[c] & (UPPER | LOWER)) != 0 : Character.isLetter(c);
  }

  /** Letters and digits (any script): what a word is made of. */
  public boolean isAlnum(int i) {
    if (i < 0 || i >= length) {
      return false;
    }
    char c = chars[i];
    return c < 0x80 ? ASCII[c] != 0 : Character.isLetterOrDigit(c);
  }

  /**
   * The end of the word (letters and digits, any script) starting at {@code i}, in bit 0..30, with
   * bit 31 set when it holds an ASCII digit: the scanner's walk over every word, in one loop over
   * the array without a bounds check per char beyond the array's own.
   */
  int wordEndAndDigit(int i) {
    int p = i;
    int bits = 0;
    char[] a = chars;
    int n = length;
    while (p < n) {
      char c = a[p];
      if (c < 0x80) {
        byte k = ASCII[c];
        if (k == 0) {
          break;
        }
        bits |= k;
      } else if (!Character.isLetterOrDigit(c)) {
        break;
      }
      p++;
    }
    return (bits & DIGIT) != 0 ? p | Integer.MIN_VALUE : p;
  }

  /** Whether the text at {@code i} starts with {@code s} exactly. */
  public boolean startsWith(int i, String s) {
    if (i < 0 || i + s.length() > length) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (chars[i + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the text at {@code i} starts with {@code lower}, ignoring ASCII case. */
  public boolean startsWithIgnoreCase(int i, String lower) {
    if (i < 0 || i + lower.length() > length) {
      return false;
    }
    for (int k = 0; k < lower.length(); k++) {
      char c = chars[i + k];
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      if (c != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value of the ASCII digits in {@code [from, to)} (at most 9 of them), without a String:
   * callers have checked that the range holds only digits.
   */
  public int digitsValue(int from, int to) {
    int v = 0;
    for (int k = from; k < to; k++) {
      v = v * 10 + (charAt(k) - '0');
    }
    return v;
  }

  /** The end of the run of digits starting at {@code i}, at most {@code limit}. */
  public int digitsEnd(int i, int limit) {
    while (i < limit && isDigit(i)) {
      i++;
    }
    return i;
  }

  /** The end of the run of letters and digits starting at {@code i}, at most {@code limit}. */
  public int alnumEnd(int i, int limit) {
    while (i < limit && isAlnum(i)) {
      i++;
    }
    return i;
  }
}
