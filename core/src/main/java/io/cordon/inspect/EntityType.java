package io.cordon.inspect;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a finding is: a stable type name (Microsoft Presidio's where one exists, API.md "Inspection
 * output") and the {@link DataType} it counts as. The built-in types are the constants below;
 * custom detectors from configuration add their own names. Immutable.
 *
 * @param name upper-case type name, e.g. {@code US_SSN}
 * @param dataType the data type the finding contributes to the file's label
 */
public record EntityType(String name, DataType dataType) {
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

  public static final EntityType PERSON = new EntityType("PERSON", DataType.PII);
  public static final EntityType EMAIL_ADDRESS = new EntityType("EMAIL_ADDRESS", DataType.PII);
  public static final EntityType PHONE_NUMBER = new EntityType("PHONE_NUMBER", DataType.PII);
  public static final EntityType US_SSN = new EntityType("US_SSN", DataType.PII);
  public static final EntityType US_PASSPORT = new EntityType("US_PASSPORT", DataType.PII);
  public static final EntityType US_DRIVER_LICENSE =
      new EntityType("US_DRIVER_LICENSE", DataType.PII);
  public static final EntityType CREDIT_CARD = new EntityType("CREDIT_CARD", DataType.PCI);
  public static final EntityType IBAN_CODE = new EntityType("IBAN_CODE", DataType.PII);
  public static final EntityType IP_ADDRESS = new EntityType("IP_ADDRESS", DataType.PII);
  public static final EntityType UK_NHS = new EntityType("UK_NHS", DataType.PHI);
  public static final EntityType DATE_OF_BIRTH = new EntityType("DATE_OF_BIRTH", DataType.PII);
  public static final EntityType MEDICAL_RECORD_NUMBER =
      new EntityType("MEDICAL_RECORD_NUMBER", DataType.PHI);
  public static final EntityType US_NPI = new EntityType("US_NPI", DataType.PHI);
  public static final EntityType US_DEA = new EntityType("US_DEA", DataType.PHI);
  public static final EntityType ICD10_CODE = new EntityType("ICD10_CODE", DataType.PHI);
  public static final EntityType NCT_ID = new EntityType("NCT_ID", DataType.GXP);
  public static final EntityType NDC_CODE = new EntityType("NDC_CODE", DataType.GXP);
  public static final EntityType CAS_NUMBER = new EntityType("CAS_NUMBER", DataType.IP);
  public static final EntityType BATCH_NUMBER = new EntityType("BATCH_NUMBER", DataType.GXP);
  public static final EntityType CONFIDENTIAL_MARKING =
      new EntityType("CONFIDENTIAL_MARKING", DataType.IP);
  public static final EntityType PRIVATE_KEY = new EntityType("PRIVATE_KEY", DataType.SECRET);
  public static final EntityType API_KEY = new EntityType("API_KEY", DataType.SECRET);
  public static final EntityType PASSWORD = new EntityType("PASSWORD", DataType.SECRET);

  /** Every built-in type, in API.md's order. */
  public static final List<EntityType> BUILT_IN =
      List.of(
          PERSON,
          EMAIL_ADDRESS,
          PHONE_NUMBER,
          US_SSN,
          US_PASSPORT,
          US_DRIVER_LICENSE,
          CREDIT_CARD,
          IBAN_CODE,
          IP_ADDRESS,
          UK_NHS,
          DATE_OF_BIRTH,
          MEDICAL_RECORD_NUMBER,
          US_NPI,
          US_DEA,
          ICD10_CODE,
          NCT_ID,
          NDC_CODE,
          CAS_NUMBER,
          BATCH_NUMBER,
          CONFIDENTIAL_MARKING,
          PRIVATE_KEY,
          API_KEY,
          PASSWORD);

  public EntityType {
    Objects.requireNonNull(dataType, "dataType");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("type name must match " + NAME + ": " + name);
    }
  }

  /** The built-in type of that name, if any. */
  public static java.util.Optional<EntityType> builtIn(String name) {
    return BUILT_IN.stream().filter(t -> t.name.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return name;
  }
}
