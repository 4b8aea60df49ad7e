package io.cordon.inspect;

import io.cordon.content.Classification;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The classification rules (documented in {@code docs/inspection.md}), from the findings alone:
 *
 * <ul>
 *   <li>{@code restricted}: any {@link DataType#SECRET}, {@link DataType#PHI} or {@link
 *       DataType#PCI} finding, or a national or financial identifier (SSN, passport, driver
 *       licence, IBAN, date of birth);
 *   <li>{@code confidential}: any other personal data (names, e-mail, phone, IP address), {@link
 *       DataType#IP} (markings, CAS numbers) or {@link DataType#GXP} (batch, NDC, trial ids);
 *   <li>{@code internal}: nothing found. Inspection cannot prove content public, so it never labels
 *       anything {@code public}; a person may lower a label (with permission, audited).
 * </ul>
 *
 * Stateless; thread-safe.
 */
public final class Classifier {
  private static final Set<String> SENSITIVE_IDENTIFIERS =
      Set.of("US_SSN", "US_PASSPORT", "US_DRIVER_LICENSE", "IBAN_CODE", "DATE_OF_BIRTH");

  private Classifier() {}

  public static Label label(Collection<Finding> findings) {
    EnumSet<DataType> types = EnumSet.noneOf(DataType.class);
    Classification level = Classification.INTERNAL;
    for (Finding f : findings) {
      DataType d = f.type().dataType();
      types.add(d);
      level = level.max(levelOf(f.type(), d));
    }
    return new Label(level, types);
  }

  static Classification levelOf(EntityType type, DataType d) {
    return switch (d) {
      case SECRET, PHI, PCI -> Classification.RESTRICTED;
      case PII ->
          SENSITIVE_IDENTIFIERS.contains(type.name())
              ? Classification.RESTRICTED
              : Classification.CONFIDENTIAL;
      case IP, GXP -> Classification.CONFIDENTIAL;
    };
  }
}
