package io.cordon.inspect;

import io.cordon.inspect.internal.Checksums;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Named check-digit validators that custom detectors may reference from configuration. Each takes
 * the matched text, ignores spaces and hyphens, and answers whether the check holds. Thread-safe.
 */
public enum Validator implements Predicate<String> {
  /** Accepts every match (pattern and context only). */
  NONE(s -> true),
  /** Luhn (ISO/IEC 7812-1), as on payment cards and many account numbers. */
  LUHN(Checksums::luhn),
  /** ISO 7064 mod 97-10 over an IBAN-like value (country, check digits, rest). */
  MOD97(s -> Checksums.iban(s.toUpperCase(Locale.ROOT))),
  /** UK NHS number modulus 11. */
  NHS(Checksums::nhs),
  /** US NPI (Luhn with the 80840 prefix). */
  NPI(Checksums::npi),
  /** US DEA registration number checksum. */
  DEA(Checksums::dea),
  /** CAS Registry Number check digit. */
  CAS(Checksums::cas),
  /** US SSN area/group/serial rules. */
  SSN(Checksums::ssn);

  private final Predicate<String> check;

  Validator(Predicate<String> check) {
    this.check = check;
  }

  @Override
  public boolean test(String matched) {
    return check.test(matched.replace(" ", "").replace("-", ""));
  }

  /** The validator of that name (case-insensitive), as written in configuration. */
  public static Validator fromCode(String code) {
    return valueOf(code.strip().toUpperCase(Locale.ROOT));
  }
}
