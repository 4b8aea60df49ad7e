package io.cordon.inspect.internal;

import io.cordon.inspect.EntityType;
import java.util.Map;

/**
 * Identifiers that start with letters: IBAN (ISO 13616, length per country, mod 97), DEA
 * registration numbers (checksum), ClinicalTrials.gov NCT ids, and ICD-10 codes (context unless
 * written with a subcategory). Stateless; thread-safe.
 */
final class Identifiers {
  private static final Context.Words DEA_WORDS = Context.words("dea");
  private static final Context.Words ICD_WORDS =
      Context.words(
          "icd", "icd-10", "icd10", "diagnosis", "diagnoses", "dx", "diagnosed", "condition");

  /** IBAN lengths per country (SWIFT IBAN Registry). */
  private static final Map<String, Integer> IBAN_LENGTH = ibanLengths();

  private Identifiers() {}

  private static Map<String, Integer> ibanLengths() {
    String table =
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27"
            + " DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21"
            + " HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27"
            + " MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24"
            + " RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22"
            + " VG24 XK20 YE30";
    Map<String, Integer> m = new java.util.HashMap<>();
    for (String e : table.split(" ")) {
      m.put(e.substring(0, 2), Integer.parseInt(e.substring(2)));
    }
    return Map.copyOf(m);
  }

  static void iban(Text t, int i, int limit, Match m) {
    boolean lower = t.charAt(i) >= 'a';
    for (int k = 0; k < 2; k++) {
      char c = t.charAt(i + k);
      if (lower ? c < 'a' || c > 'z' : c < 'A' || c > 'Z') {
        return;
      }
    }
    if (!t.isDigit(i + 2) || !t.isDigit(i + 3)) {
      return;
    }
    String country = t.slice(i, i + 2).toUpperCase(java.util.Locale.ROOT);
    Integer length = IBAN_LENGTH.get(country);
    if (length == null) {
      return;
    }
    StringBuilder compact = new StringBuilder(34);
    int p = i;
    int max = Math.min(limit, i + 50);
    while (p < max && compact.length() < length) {
      char c = t.charAt(p);
      if (c >= '0' && c <= '9' || (lower ? c >= 'a' && c <= 'z' : c >= 'A' && c <= 'Z')) {
        compact.append(c);
        p++;
      } else if (c == ' ' && t.isAlnum(p + 1) && compact.length() % 4 == 0) {
        p++;
      } else {
        break;
      }
    }
    if (compact.length() != length || t.isAlnum(p)) {
      return;
    }
    if (Checksums.iban(compact.toString().toUpperCase(java.util.Locale.ROOT))) {
      m.offer(EntityType.IBAN_CODE, i, p, 1.0);
    }
  }

  private static final String DEA_FIRST = "ABCDEFGHJKLMPRSTUX";

  static void dea(Text t, int i, Match m) {
    char a = t.charAt(i);
    char b = t.charAt(i + 1);
    if (DEA_FIRST.indexOf(a) < 0 || !(b >= 'A' && b <= 'Z' || b == '9')) {
      return;
    }
    if (t.digitsEnd(i + 2, i + 10) != i + 9 || t.isAlnum(i + 9)) {
      return;
    }
    if (Checksums.dea(t.slice(i, i + 9))) {
      boolean context = Context.before(t, i, Context.NEAR, DEA_WORDS);
      m.offer(EntityType.US_DEA, i, i + 9, context ? 0.95 : 0.85);
    }
  }

  static void nct(Text t, int i, Match m) {
    if (t.startsWith(i, "NCT") && t.digitsEnd(i + 3, i + 12) == i + 11 && !t.isAlnum(i + 11)) {
      m.offer(EntityType.NCT_ID, i, i + 11, 0.95);
    }
  }

  /** ICD-10(-CM): a letter other than U, two digits (or digit and letter), optional .subcode. */
  static void icd10(Text t, int i, Match m) {
    char a = t.charAt(i);
    if (a < 'A' || a > 'Z' || a == 'U' || !t.isDigit(i + 1)) {
      return;
    }
    char c = t.charAt(i + 2);
    if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
      return;
    }
    int end = i + 3;
    boolean dotted = false;
    if (t.charAt(end) == '.' && t.isAlnum(end + 1)) {
      int e = end + 1;
      while (e < end + 6 && (t.isDigit(e) || t.isUpper(e))) {
        e++;
      }
      if (e - end - 1 > 4) {
        return;
      }
      dotted = e > end + 1;
      end = e;
    }
    if (t.isAlnum(end) || t.charAt(end) == '-' && t.isAlnum(end + 1)) {
      return;
    }
    boolean context = Context.before(t, i, 64, ICD_WORDS) || Context.after(t, end, 40, ICD_WORDS);
    if (context) {
      m.offer(EntityType.ICD10_CODE, i, end, dotted ? 0.95 : 0.8);
    } else if (dotted && t.isDigit(i + 2)) {
      m.offer(EntityType.ICD10_CODE, i, end, 0.6);
    }
  }
}
