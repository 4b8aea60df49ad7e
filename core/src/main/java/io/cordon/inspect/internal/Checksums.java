package io.cordon.inspect.internal;

/**
 * The check-digit algorithms of the identifiers Cordon detects, over strings of ASCII digits (and
 * letters where the scheme has them). Pure functions; thread-safe.
 */
public final class Checksums {
  private Checksums() {}

  /** Luhn (ISO/IEC 7812-1 Annex B) over a string of digits, the last being the check digit. */
  public static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return digits.length() > 1 && sum % 10 == 0;
  }

  /** US National Provider Identifier: ten digits, Luhn over the prefix 80840 and the digits. */
  public static boolean npi(CharSequence digits) {
    return digits.length() == 10
        && (digits.charAt(0) == '1' || digits.charAt(0) == '2')
        && luhn("80840" + digits);
  }

  /** UK NHS number: ten digits, modulus 11 with weights 10 to 2 (NHS Data Dictionary). */
  public static boolean nhs(CharSequence digits) {
    if (digits.length() != 10) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }

  /**
   * US DEA registration number: two letters and seven digits; (d1+d3+d5) + 2(d2+d4+d6) ends in d7.
   */
  public static boolean dea(CharSequence value) {
    if (value.length() != 9) {
      return false;
    }
    int[] d = new int[7];
    for (int i = 0; i < 7; i++) {
      d[i] = value.charAt(i + 2) - '0';
      if (d[i] < 0 || d[i] > 9) {
        return false;
      }
    }
    int sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
    return sum % 10 == d[6];
  }

  /** CAS Registry Number: digits without hyphens; the last is the weighted-sum check digit. */
  public static boolean cas(CharSequence digits) {
    int n = digits.length();
    if (n < 5 || n > 10) {
      return false;
    }
    int sum = 0;
    for (int i = n - 2, w = 1; i >= 0; i--, w++) {
      sum += (digits.charAt(i) - '0') * w;
    }
    return sum % 10 == digits.charAt(n - 1) - '0';
  }

  /** IBAN (ISO 13616): the country code, check digits and BBAN, upper-case, mod 97 equals 1. */
  public static boolean iban(CharSequence compact) {
    int n = compact.length();
    if (n < 5) {
      return false;
    }
    int rem = 0;
    for (int k = 0; k < n; k++) {
      char c = compact.charAt((k + 4) % n);
      if (c >= '0' && c <= '9') {
        rem = (rem * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        rem = (rem * 100 + (c - 'A' + 10)) % 97;
      } else {
        return false;
      }
    }
    return rem == 1;
  }

  /**
   * US Social Security number rules (SSA): area not 000, 666 or 900-999; group not 00; serial not
   * 0000; and not one of the numbers SSA voided after publication (078-05-1120, 219-09-9999).
   */
  public static boolean ssn(CharSequence nineDigits) {
    if (nineDigits.length() != 9) {
      return false;
    }
    String s = nineDigits.toString();
    int area = Integer.parseInt(s.substring(0, 3));
    int group = Integer.parseInt(s.substring(3, 5));
    int serial = Integer.parseInt(s.substring(5));
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
      return false;
    }
    if (s.equals("078051120") || s.equals("219099999") || s.equals("123456789")) {
      return false;
    }
    return !s.chars().allMatch(c -> c == s.charAt(0));
  }
}
