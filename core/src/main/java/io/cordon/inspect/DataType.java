package io.cordon.inspect;

import java.util.Locale;

/**
 * The kind of sensitive data a finding represents; a file's data types are policy attributes
 * (ARCHITECTURE.md "Policy"). The code is the stable name used in JSON, events and storage.
 */
public enum DataType {
  /** Protected health information (HIPAA 45 CFR 160.103): patient identifiers, diagnoses. */
  PHI,
  /** Personal data (GDPR Art. 4(1)): names, contact details, national identifiers. */
  PII,
  /** Payment card data (PCI DSS): primary account numbers. */
  PCI,
  /** Intellectual property: confidentiality markings, formulation chemistry. */
  IP,
  /** GxP records (21 CFR 211, EU GMP): batch/lot numbers, drug codes, trial identifiers. */
  GXP,
  /** Credentials: private keys, API tokens, passwords. */
  SECRET;

  public String code() {
    return name();
  }

  public static DataType fromCode(String code) {
    return valueOf(code.strip().toUpperCase(Locale.ROOT));
  }
}
