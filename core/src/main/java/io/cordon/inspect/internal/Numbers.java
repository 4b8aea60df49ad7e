package io.cordon.inspect.internal;

import io.cordon.inspect.EntityType;

/**
 * Detectors triggered by a digit at the start of a word: SSN, payment card, phone, NHS, NPI, CAS
 * and NDC numbers. Each is a pattern over {@link Groups}, a validator and context rules. Stateless
 * apart from the reused groups; not thread-safe.
 */
final class Numbers {
  private static final Context.Words SSN_WORDS =
      Context.words("ssn", "ssns", "social security", "social sec");
  private static final Context.Words CARD_WORDS =
      Context.words("card", "credit", "visa", "mastercard", "amex", "pan", "debit");
  private static final Context.Words PHONE_WORDS =
      Context.words(
          "phone", "tel", "telephone", "mobile", "cell", "fax", "call", "number", "contact", "ph");
  private static final Context.Words OTHER_ID_WORDS =
      Context.words(
          "nhs",
          "npi",
          "ssn",
          "social security",
          "mrn",
          "passport",
          "licence",
          "license",
          "iban",
          "account",
          "card",
          "batch",
          "lot");
  private static final Context.Words NHS_WORDS =
      Context.words("nhs", "health service", "nhs number");
  private static final Context.Words NPI_WORDS =
      Context.words("npi", "provider", "prescriber", "physician");
  private static final Context.Words NDC_WORDS = Context.words("ndc", "national drug code");
  private static final Context.Words CAS_WORDS =
      Context.words("cas", "cas no", "cas number", "cas-nr", "cas rn");

  private final Groups g = new Groups();

  void at(Text t, int i, int limit, Match m) {
    g.parse(t, i, limit);
    ssn(t, i, m);
    card(t, i, m);
    tenDigit(t, i, m);
    phone(t, i, m);
    cas(t, i, m);
    ndc(t, i, m);
  }

  /** Whether nothing word-like continues the match at {@code e}. */
  static boolean cleanEnd(Text t, int e) {
    char c = t.charAt(e);
    if (t.isAlnum(e) || c == '_' || c == '@') {
      return false;
    }
    return !((c == '-' || c == '.' || c == '/' || c == ':' || c == ',') && t.isDigit(e + 1));
  }

  private void ssn(Text t, int i, Match m) {
    if (g.shape(3, 2, 4) && cleanEnd(t, g.end(3)) && Checksums.ssn(g.digitString(t, 3))) {
      boolean context = Context.before(t, i, Context.NEAR, SSN_WORDS);
      m.offer(EntityType.US_SSN, i, g.end(3), context ? 0.95 : 0.85);
    } else if (g.len(0) == 9 && cleanEnd(t, g.end(1)) && Checksums.ssn(g.digitString(t, 1))) {
      if (Context.before(t, i, Context.NEAR, SSN_WORDS)) {
        m.offer(EntityType.US_SSN, i, g.end(1), 0.8);
      }
    }
  }

  private void card(Text t, int i, Match m) {
    for (int k = Math.min(g.count, 5); k >= 1; k--) {
      int n = g.digits(k);
      if (n < 12 || n > 19 || !cleanEnd(t, g.end(k))) {
        continue;
      }
      if (k > 1 && (g.len(0) != 4 || !groupsPlausible(k))) {
        continue;
      }
      String digits = g.digitString(t, k);
      if (issuerPrefix(digits) && Checksums.luhn(digits)) {
        boolean context = Context.before(t, i, Context.NEAR, CARD_WORDS);
        m.offer(EntityType.CREDIT_CARD, i, g.end(k), context ? 1.0 : 0.9);
        return;
      }
    }
  }

  private boolean groupsPlausible(int k) {
    for (int x = 1; x < k; x++) {
      if (g.len(x) < 3 || g.len(x) > 6) {
        return false;
      }
    }
    return g.sep == ' ' || g.sep == '-';
  }

  /** Issuer identification prefixes (ISO/IEC 7812) of the card schemes in use. */
  static boolean issuerPrefix(String d) {
    int two = Integer.parseInt(d.substring(0, 2));
    return switch (d.charAt(0)) {
      case '1' -> d.startsWith("1800");
      case '2' -> d.startsWith("2131") || two >= 22 && two <= 27;
      case '3' -> two == 30 || two >= 34 && two <= 39;
      case '4', '5', '6' -> true;
      default -> false;
    };
  }

  /** Ten-digit identifiers with a checksum: NHS (mod 11) and NPI (Luhn with 80840). */
  private void tenDigit(Text t, int i, Match m) {
    int k;
    if (g.shape(3, 3, 4) && (g.sep == ' ' || g.sep == '-')) {
      k = 3;
    } else if (g.shape(4, 3, 3) && (g.sep == ' ' || g.sep == '-')) {
      k = 3;
    } else if (g.len(0) == 10) {
      k = 1;
    } else {
      return;
    }
    if (!cleanEnd(t, g.end(k))) {
      return;
    }
    String d = g.digitString(t, k);
    if (Checksums.nhs(d) && g.len(0) != 4) {
      boolean context = Context.before(t, i, Context.NEAR, NHS_WORDS);
      m.offer(EntityType.UK_NHS, i, g.end(k), context ? 0.95 : k == 3 && g.sep == ' ' ? 0.7 : 0.4);
    }
    if (Checksums.npi(d)) {
      boolean context = Context.before(t, i, Context.NEAR, NPI_WORDS);
      m.offer(EntityType.US_NPI, i, g.end(k), context ? 0.95 : 0.45);
    }
  }

  /**
   * Phone numbers without a leading plus: North American 3-3-4 (with 1- or 001-), and other
   * national groupings of 7 to 12 digits, which count only next to a phone context word.
   */
  private void phone(Text t, int i, Match m) {
    boolean nanp =
        g.shape(3, 3, 4) && g.sep != ' '
            || g.shape(1, 3, 3, 4) && g.sep != ' '
            || g.shape(3, 3, 3, 4) && t.startsWith(i, "001");
    int k = g.shape(3, 3, 4) ? 3 : nanp ? 4 : Math.min(g.count, 6);
    int end = g.end(k);
    int digits = g.digits(k);
    // An extension written as x123 is part of the number.
    if (t.charAt(end) == 'x' && t.isDigit(end + 1)) {
      int x = t.digitsEnd(end + 1, end + 7);
      if (x - end - 1 <= 5) {
        end = x;
      }
    }
    boolean strong = nanp || g.shape(3, 3, 4);
    // A weak grouping right after another digit group is the tail of some other number.
    boolean afterGroup = t.charAt(i - 1) == ' ' && t.isDigit(i - 2);
    boolean weak =
        digits >= 7
            && digits <= 12
            && (k >= 2 || digits >= 10)
            && !dateLike(k)
            && !casLike(k)
            && !afterGroup;
    if (!strong && !weak || !cleanEnd(t, end)) {
      return;
    }
    if (Context.labelled(t, i, OTHER_ID_WORDS)) {
      return; // labelled as another identifier: a failed check there is not a phone number
    }
    boolean context = Context.before(t, i, Context.NEAR, PHONE_WORDS);
    if (strong) {
      m.offer(EntityType.PHONE_NUMBER, i, end, context ? 0.85 : g.sep == ' ' ? 0.6 : 0.75);
    } else {
      m.offer(EntityType.PHONE_NUMBER, i, end, context ? 0.7 : 0.3);
    }
  }

  /**
   * The CAS shape (n-nn-n): no national phone grouping ends in one digit, so a CAS number that
   * fails its check digit is not reported as a phone number either.
   */
  private boolean casLike(int k) {
    return k == 3 && g.sep == '-' && g.len(1) == 2 && g.len(2) == 1;
  }

  private boolean dateLike(int k) {
    return k == 3 && (g.shape(4, 2, 2) || g.shape(2, 2, 4)) && g.sep != ' ';
  }

  /** CAS Registry Number: 2-7 digits, 2 digits, 1 check digit, joined by hyphens. */
  private void cas(Text t, int i, Match m) {
    if (g.count >= 3
        && g.sep == '-'
        && g.len(0) >= 2
        && g.len(0) <= 7
        && g.len(1) == 2
        && g.len(2) == 1
        && cleanEnd(t, g.end(3))
        && Checksums.cas(g.digitString(t, 3))) {
      boolean context = Context.before(t, i, Context.NEAR, CAS_WORDS);
      m.offer(EntityType.CAS_NUMBER, i, g.end(3), context ? 0.95 : 0.75);
    }
  }

  /** National Drug Code: 4-4-2, 5-3-2, 5-4-1 or 5-4-2 digits, next to an NDC context word. */
  private void ndc(Text t, int i, Match m) {
    if (g.count < 3 || g.sep != '-' || !cleanEnd(t, g.end(3))) {
      return;
    }
    if (g.shape(4, 4, 2) || g.shape(5, 3, 2) || g.shape(5, 4, 1) || g.shape(5, 4, 2)) {
      if (Context.before(t, i, Context.NEAR, NDC_WORDS)) {
        m.offer(EntityType.NDC_CODE, i, g.end(3), 0.9);
      }
    }
  }
}
