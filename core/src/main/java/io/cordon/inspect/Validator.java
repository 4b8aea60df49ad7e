package io.cordon.inspect;

import io.cordon.inspect.internal.Checksums;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Named check-digit validators that custom detectors may reference from configuration. Each takes
 * the matched text and answers whether the check holds: the numeric checks (Luhn, NHS, NPI, CAS,
 * SSN) run over the digits of the match, so a pattern may carry a prefix or separators ({@code
 * LC-7992-7398-7138}); mod 97 and DEA run over its letters and digits. Thread-safe.
 */
public enum Validator implements Predicate<String> {
  /** Accepts every match (pattern and context only). */
  NONE(s -> true),
  /** Luhn (ISO/IEC 7812-1), as on payment cards and many account numbers. */
  LUHN(digits(Checksums::luhn)),
  /** ISO 7064 mod 97-10 over an IBAN-like value (country, check digits, rest). */
  MOD97(s -> Checksums.iban(s.toUpperCase(Locale.ROOT))),
  /** UK NHS number modulus 11. */
  NHS(digits(Checksums::nhs)),
  /** US NPI (Luhn with the 80840 prefix). */
  NPI(digits(Checksums::npi)),
  /** US DEA registration number checksum. */
  DEA(Checksums::dea),
  /** CAS Registry Number check digit. */
  CAS(digits(Checksums::cas)),
  /** US SSN area/group/serial rules. */
  SSN(digits(Checksums::ssn));

  private final Predicate<String> check;

  Validator(Predicate<String> check) {
    this.check = check;
  }

  @Override
  public boolean test(String matched) {
    StringBuilder alnum = new StringBuilder(matched.length());
    matched.codePoints().filter(Character::isLetterOrDigit).forEach(alnum::appendCodePoint);
    return check.test(alnum.toString());
  }

  /** A check over the ASCII digits of the value only (a prefix such as "LC-" is dropped). */
  private static Predicate<String> digits(Predicate<String> check) {
    return s -> {
      StringBuilder d = new StringBuilder(s.length());
      s.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> d.append((char) c));
      return !d.isEmpty() && check.test(d.toString());
    };
  }

  /** The validator of that name (case-insensitive), as written in configuration. */
  public static Validator fromCode(String code) {
    return valueOf(code.strip().toUpperCase(Locale.ROOT));
  }
}
