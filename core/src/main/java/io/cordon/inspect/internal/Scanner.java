package io.cordon.inspect.internal;

import io.cordon.inspect.CustomDetector;
import io.cordon.inspect.Finding;
import java.util.List;
import java.util.function.Consumer;

/**
 * The detector pass: one walk over the text. A per-character prefilter finds trigger positions (the
 * first char of a word, {@code +}, {@code (}, {@code -----BEGIN}, {@code ::}) and dispatches each
 * to the few detectors that can start with that char; the best candidate at a trigger wins and
 * suppresses triggers inside it. No detector reads more than {@link #LOOKBEHIND} chars before or
 * {@link #MAX_SPAN} chars after its trigger, and nothing else carries state from one trigger to the
 * next except the suppression end, so a text scanned in overlapping windows yields exactly the
 * findings of a whole scan ({@link WindowedScan}). One Scanner per thread; not thread-safe.
 */
public final class Scanner {
  /** The longest span a detector may read after its trigger (a PEM key block fits). */
  public static final int MAX_SPAN = 8192;

  /** The most a context rule may read before a trigger. */
  public static final int LOOKBEHIND = 256;

  private final Numbers numbers = new Numbers();
  private final Match match = new Match();
  private final List<CustomPattern> custom;
  private final double minConfidence;

  public Scanner(List<CustomDetector> customDetectors, double minConfidence) {
    this.custom = customDetectors.stream().map(CustomPattern::new).toList();
    this.minConfidence = minConfidence;
  }

  /**
   * Scans triggers in {@code [from, to)} of {@code t}, reporting findings with offsets shifted by
   * {@code base}. Triggers before {@code suppressUntil} are skipped. Answers the new suppression
   * end.
   */
  public int scan(Text t, int from, int to, int suppressUntil, long base, Consumer<Finding> out) {
    int suppress = suppressUntil;
    int i = Math.max(from, suppress);
    int n = t.length();
    boolean customs = !custom.isEmpty();
    while (i < to) {
      char c = t.charAt(i);
      boolean wordStart = !t.isAlnum(i - 1);
      int kind = c < 128 ? CLASS[c] : Character.isLetter(c) ? LETTER : OTHER;
      if (kind == OTHER || kind != PUNCT && !wordStart) {
        if (customs && wordStart && c > ' ') {
          if (dispatchCustom(t, i, n)) {
            suppress = emit(t, base, out);
            i = Math.max(i + 1, suppress);
            continue;
          }
        }
        i++;
        continue;
      }
      int limit = Math.min(n, i + MAX_SPAN);
      int wordEnd = -1;
      match.reset();
      switch (kind) {
        case DIGIT -> {
          if (continuesNumber(t, i)) {
            break;
          }
          numbers.at(t, i, limit, match);
          if (t.charAt(t.digitsEnd(i, i + 4)) == '.') {
            Addresses.ipv4(t, i, limit, match);
          }
          if (hexThenColon(t, i)) {
            Addresses.ipv6(t, i, limit, match);
          }
          Labelled.at(t, i, limit, match);
          Labelled.dateOfBirth(t, i, limit, match);
          char next = t.charAt(t.alnumEnd(i, limit));
          if (next == '@' || next == '.' || next == '_' || next == '-' || next == '+') {
            Addresses.email(t, i, limit, match);
          }
        }
        case UPPER, LOWER -> wordEnd = letterStart(t, i, limit, kind == UPPER);
        case LETTER -> Names.at(t, i, limit, match);
        case PUNCT -> punct(t, i, c, limit, wordStart);
        default -> {}
      }
      if (customs && wordStart) {
        for (CustomPattern p : custom) {
          p.at(t, i, limit, match);
        }
      }
      if (match.found() && match.confidence >= minConfidence) {
        suppress = emit(t, base, out);
        i = Math.max(i + 1, suppress);
      } else if (wordEnd > i) {
        // Inside a word no position is a trigger: jump to its end.
        i = Math.min(wordEnd, to);
      } else if (kind == DIGIT) {
        i = t.alnumEnd(i + 1, to);
      } else {
        i++;
      }
    }
    return suppress;
  }

  private boolean dispatchCustom(Text t, int i, int n) {
    match.reset();
    int limit = Math.min(n, i + MAX_SPAN);
    for (CustomPattern p : custom) {
      p.at(t, i, limit, match);
    }
    return match.found() && match.confidence >= minConfidence;
  }

  private int emit(Text t, long base, Consumer<Finding> out) {
    String sample = Redactor.redact(match.type, t.slice(match.start, match.end));
    out.accept(
        new Finding(match.type, base + match.start, base + match.end, match.confidence, sample));
    return match.end;
  }

  /**
   * A word starting with a letter. The word's end, whether it holds a digit and the char after it
   * decide which detectors can match at all, so a plain prose word costs one walk over its chars.
   */
  private int letterStart(Text t, int i, int limit, boolean upper) {
    int packed = t.wordEndAndDigit(i);
    int we = packed & Integer.MAX_VALUE;
    boolean digit = packed < 0;
    char next = t.charAt(we);
    boolean joined = next == '_' || next == '-' || next == '.';
    if (upper) {
      if (digit) {
        Identifiers.iban(t, i, limit, match);
        Identifiers.dea(t, i, match);
        Identifiers.nct(t, i, match);
        Identifiers.icd10(t, i, match);
      }
      Markings.at(t, i, match);
      Names.at(t, i, limit, match);
    } else if (digit && (t.charAt(i) <= 'b' || t.charAt(i) >= 'x')) {
      Identifiers.iban(t, i, limit, match);
    }
    if (we - i >= 20 || joined) {
      Secrets.apiKey(t, i, limit, match);
    }
    if (joined || next == '=' || next == ':' || next == '"' || next == '\'' || next == ' ') {
      int q = we;
      while (t.charAt(q) == ' ') {
        q++;
      }
      if (joined || next == '"' || next == '\'' || t.charAt(q) == '=' || t.charAt(q) == ':') {
        Secrets.assignment(t, i, limit, match);
      }
    }
    if (joined || next == '@' || next == '+' || next == '%') {
      Addresses.email(t, i, limit, match);
    }
    if (digit || next == '-' || next == '/' || next == ' ' && we - i <= 4 && t.isDigit(we + 1)) {
      Labelled.at(t, i, limit, match);
    }
    if (we - i >= 3 && we - i <= 9 && Dates.mayStartMonth(t.charAt(i), t.charAt(i + 1))) {
      Labelled.dateOfBirth(t, i, limit, match);
    }
    if (next == ':' && we - i <= 4) {
      if (hexThenColon(t, i)) {
        Addresses.ipv6(t, i, limit, match);
      }
    }
    return we;
  }

  private void punct(Text t, int i, char c, int limit, boolean wordStart) {
    switch (c) {
      case '+' -> {
        if (wordStart && t.isDigit(i + 1)) {
          Addresses.plusPhone(t, i, limit, match);
        }
      }
      case '(' -> {
        if (t.isDigit(i + 1)) {
          Addresses.parenPhone(t, i, limit, match);
        }
      }
      case '-' -> Secrets.privateKey(t, i, limit, match);
      case ':' -> {
        if (t.charAt(i + 1) == ':' && !t.isAlnum(i - 1) && t.charAt(i - 1) != ':') {
          Addresses.ipv6(t, i, limit, match);
        }
      }
      default -> {}
    }
  }

  /**
   * Whether the digit at {@code i} continues a number ({@code 4012-8888}, {@code 1.5}): the groups
   * after the first are never the start of an identifier of their own.
   */
  private static boolean continuesNumber(Text t, int i) {
    char p = t.charAt(i - 1);
    return (p == '-' || p == '.' || p == '/' || p == ',') && t.isAlnum(i - 2);
  }

  /** A hex group of 1-4 chars followed by a colon: the only way an IPv6 address can start. */
  private static boolean hexThenColon(Text t, int i) {
    int p = i;
    while (p < i + 5 && Character.digit(t.charAt(p), 16) >= 0) {
      p++;
    }
    return p > i && p - i <= 4 && t.charAt(p) == ':';
  }

  private static final byte OTHER = 0;
  private static final byte DIGIT = 1;
  private static final byte UPPER = 2;
  private static final byte LOWER = 3;
  private static final byte PUNCT = 4;
  private static final byte LETTER = 5;
  private static final byte[] CLASS = new byte[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      CLASS[c] = DIGIT;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      CLASS[c] = UPPER;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      CLASS[c] = LOWER;
    }
    for (char c : "+(-:".toCharArray()) {
      CLASS[c] = PUNCT;
    }
  }
}
