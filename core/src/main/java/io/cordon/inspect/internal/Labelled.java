package io.cordon.inspect.internal;

import io.cordon.inspect.EntityType;

/**
 * Values that look like any other code and are known only by their label: medical record numbers,
 * batch and lot numbers, driver licences, passports and dates of birth. Each is a token shape plus
 * the context word that must precede it. Stateless; thread-safe.
 */
final class Labelled {
  private static final Context.Words MRN_WORDS =
      Context.words(
          "mrn",
          "medical record",
          "medical record number",
          "record number",
          "patient id",
          "chart",
          "hospital number",
          "patient number",
          "med rec",
          "mr");
  private static final Context.Words BATCH_WORDS =
      Context.words(
          "batch",
          "lot",
          "batch no",
          "lot no",
          "lot number",
          "batch number",
          "charge",
          "bn",
          "lot/batch");
  private static final Context.Words DL_WORDS =
      Context.words(
          "driver license",
          "driver's license",
          "drivers license",
          "driver licence",
          "driving licence",
          "driver's licence",
          "drivers licence",
          "license",
          "licence",
          "dl",
          "driving license");
  private static final Context.Words PASSPORT_WORDS = Context.words("passport", "travel document");
  private static final Context.Words DOB_WORDS =
      Context.words(
          "dob",
          "d.o.b",
          "d.o.b.",
          "date of birth",
          "birth date",
          "birthdate",
          "born",
          "born on",
          "birthday",
          "geburtsdatum",
          "date de naissance");

  private Labelled() {}

  /** The end of a code token: letters, digits and inner {@code - /}, or -1. */
  private static int tokenEnd(Text t, int i, int limit) {
    int p = i;
    int max = Math.min(limit, i + 24);
    while (p < max) {
      if (t.isAlnum(p)) {
        p++;
      } else if ((t.charAt(p) == '-' || t.charAt(p) == '/') && t.isAlnum(p + 1)) {
        p++;
      } else {
        break;
      }
    }
    return p >= i + 24 || t.isAlnum(p) ? -1 : p;
  }

  private static boolean allUpper(Text t, int from, int to) {
    for (int p = from; p < to; p++) {
      if (!t.isUpper(p)) {
        return false;
      }
    }
    return to > from;
  }

  private static int digitCount(Text t, int from, int to) {
    int n = 0;
    for (int p = from; p < to; p++) {
      if (t.isDigit(p)) {
        n++;
      }
    }
    return n;
  }

  static void at(Text t, int i, int limit, Match m) {
    // Most words hold no digit: find that out before anything else.
    int w = i;
    while (t.isLetter(w)) {
      w++;
    }
    boolean spacedDigits = t.charAt(w) == ' ' && t.isDigit(w + 1);
    if (!t.isDigit(w) && !(t.charAt(w) == '-' || t.charAt(w) == '/') && !spacedDigits && w > i) {
      return;
    }
    int end = tokenEnd(t, i, limit);
    if (end < 0) {
      return;
    }
    // A short capital prefix, a space, then digits ("MGS 44871") is one code.
    if (end - i <= 4 && t.charAt(end) == ' ' && t.isDigit(end + 1) && allUpper(t, i, end)) {
      int rest = tokenEnd(t, end + 1, limit);
      if (rest > 0) {
        end = rest;
      }
    }
    int len = end - i;
    int digits = digitCount(t, i, end);
    if (digits == 0) {
      return;
    }
    if (len >= 4 && len <= 20 && Context.labelled(t, i, BATCH_WORDS)) {
      m.offer(EntityType.BATCH_NUMBER, i, end, 0.85);
    }
    if (len >= 5 && len <= 15 && digits >= 4 && Context.labelled(t, i, MRN_WORDS)) {
      m.offer(EntityType.MEDICAL_RECORD_NUMBER, i, end, 0.85);
    }
    if (len >= 5 && len <= 16 && digits >= 4 && Context.labelled(t, i, DL_WORDS)) {
      m.offer(EntityType.US_DRIVER_LICENSE, i, end, 0.8);
    }
    boolean passportShape =
        len == 9 && (digits == 9 || digits == 8 && t.isUpper(i)) && t.charAt(end) != '-';
    if (passportShape && Context.before(t, i, 64, PASSPORT_WORDS)) {
      m.offer(EntityType.US_PASSPORT, i, end, 0.85);
    }
  }

  /** A date right after a date-of-birth label. */
  static void dateOfBirth(Text t, int i, int limit, Match m) {
    // The date shape is cheaper than the context search: test it first.
    int end = Dates.end(t, i, limit);
    if (end > 0 && Context.before(t, i, 32, DOB_WORDS)) {
      m.offer(EntityType.DATE_OF_BIRTH, i, end, 0.9);
    }
  }
}
