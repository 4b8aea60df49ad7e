package io.cordon.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.content.Classification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InspectorTest {
  private final Inspector inspector = Inspector.standard();

  private List<String> types(String text) {
    return inspector.scan(text).stream().map(f -> f.type().name()).toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SSN: 078-05-1123 on file|US_SSN",
        "card 4111 1111 1111 1111 expires|CREDIT_CARD",
        "IBAN DE89 3704 0044 0532 0130 00 please|IBAN_CODE",
        "mail jane.doe@example.com now|EMAIL_ADDRESS",
        "call (415) 555-0132 today|PHONE_NUMBER",
        "call +44 20 7946 0958 today|PHONE_NUMBER",
        "host 192.168.10.1 is up|IP_ADDRESS",
        "host 2001:db8::8a2e:370:7334 is up|IP_ADDRESS",
        "NHS number 943 476 5919|UK_NHS",
        "NPI: 1245319599|US_NPI",
        "DEA AB1234563 prescriber|US_DEA",
        "Diagnosis: E11.9 type 2|ICD10_CODE",
        "trial NCT01234567 enrolled|NCT_ID",
        "NDC 0777-3105-02 carton|NDC_CODE",
        "water CAS 7732-18-5 solvent|CAS_NUMBER",
        "Batch No.: B2024-0117 released|BATCH_NUMBER",
        "MRN: 00482913 admitted|MEDICAL_RECORD_NUMBER",
        "DOB: 03/14/1962 male|DATE_OF_BIRTH",
        "passport number 912803456|US_PASSPORT",
        "driver license: H12234567|US_DRIVER_LICENSE",
        "STRICTLY CONFIDENTIAL draft|CONFIDENTIAL_MARKING",
        "aws AKIAIOSFODNN7EXAMPLE here|API_KEY",
        "db.password=Tr0ub4dor&3x|PASSWORD",
        "Reviewed by John Smith yesterday|PERSON",
      })
  void scan_plantedValue_findsItsType(String text, String type) {
    assertThat(types(text)).containsExactly(type);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SSN: 666-05-1123 void",
        "card 4111 1111 1111 1112 expires",
        "IBAN DE89 3704 0044 0532 0130 01 please",
        "NHS number 943 476 5918",
        "NPI: 1245319598",
        "DEA AB1234564 prescriber",
        "water CAS 7732-18-4 solvent",
        "the CAS number on the old label, 25322-68-4, was wrong",
        "mail jane.doe@localhost now",
        "version 1.2.3 released",
        "password=${DB_PASSWORD}",
        "keep this confidential please",
      })
  void scan_lookAlikeFailingItsCheck_findsNothing(String text) {
    assertThat(types(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // a given name of another locale's list, then a capitalised word
        "the deviation was closed by Asya Brandt on Monday|Asya Brandt",
        // an unknown name after a label, initial included
        "Signed by: Oduya T. Nwankwo (QA reviewer)|Oduya T. Nwankwo",
        "Name: Ilvara Quenby|Ilvara Quenby",
        // an unknown capitalised word, then a known surname
        "the file was sent to Zorben Kovacs yesterday|Zorben Kovacs",
        // every capitalised word after a title
        "please write to Dr. Yaco Angulo about it|Yaco Angulo",
      })
  void scan_personByDictionaryOrContext_coversTheName(String text, String name) {
    List<Finding> found =
        inspector.scan(text).stream().filter(f -> f.type() == EntityType.PERSON).toList();
    assertThat(found).hasSize(1);
    Finding f = found.getFirst();
    assertThat(text.substring((int) f.start(), (int) f.end())).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // acronyms in capitals are no names of another locale ("Cas" is one)
        "water CAS No 7732-18-5|CAS_NUMBER",
        // a surname before a street or organisation word is a place or a company
        "the site at Shelly Park is closed|",
        "funds from Morgan Bank arrived|",
        // a lone given name of another locale's list needs context
        "Asya spent a year abroad|",
        // after a label, codes in capitals are no names
        "Patient ID: AB-44871 enrolled|MEDICAL_RECORD_NUMBER",
      })
  void scan_nameLookAlike_isNoPerson(String text, String types) {
    List<String> expected = types == null ? List.of() : List.of(types);
    assertThat(types(text)).isEqualTo(expected);
  }

  @Test
  void scan_findingOffsets_areUtf16AndEndExclusive() {
    String text = "é😀 SSN 078-05-1123";
    Finding f = inspector.scan(text).getFirst();
    assertThat(text.substring((int) f.start(), (int) f.end())).isEqualTo("078-05-1123");
    assertThat(f.sample()).isEqualTo("***-**-1123");
  }

  @Test
  void scan_privateKeyBlock_coversBlockAndHidesBody() {
    String pem =
        "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu"
            + "\n-----END RSA PRIVATE KEY-----";
    Finding f = inspector.scan("key:\n" + pem + "\n").getFirst();
    assertThat(f.type()).isEqualTo(EntityType.PRIVATE_KEY);
    assertThat(f.end() - f.start()).isEqualTo(pem.length());
    assertThat(f.sample()).doesNotContain("MIIB");
  }

  @Test
  void inspectUtf8_invalidBytes_replacedAndCounted() throws Exception {
    byte[] head = "SSN 078-05-1123 ".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3; // truncated two-byte sequence
    bytes[head.length + 1] = (byte) 0xFF;
    TextInspection r = inspector.inspectUtf8(new ByteArrayInputStream(bytes));
    assertThat(r.invalidUtf8()).isEqualTo(2);
    assertThat(r.findings()).hasSize(1);
    assertThat(r.label().classification()).isEqualTo(Classification.RESTRICTED);
  }

  @Test
  void inspect_nothingFound_isInternalNeverPublic() throws Exception {
    TextInspection r =
        inspector.inspect(new java.io.StringReader("The tablets were coated at 40 degrees."));
    assertThat(r.findings()).isEmpty();
    assertThat(r.label().classification()).isEqualTo(Classification.INTERNAL);
  }

  @Test
  void inspect_moreFindingsThanLimit_keepsLimitCountsAll() throws Exception {
    String text = "SSN 078-05-1123\n".repeat(50);
    TextInspection r = inspector.withMaxFindings(10).inspect(new java.io.StringReader(text));
    assertThat(r.findings()).hasSize(10);
    assertThat(r.truncated()).isTrue();
    assertThat(r.counts()).containsEntry("US_SSN", 50L);
  }

  @Test
  void customDetector_patternValidatorContext_findsOnlyValidated() {
    CustomDetector protocol =
        new CustomDetector(
            "PROTOCOL_ID",
            "ACME-\\d{4}-\\d{3}",
            Validator.NONE,
            List.of("protocol"),
            true,
            DataType.GXP,
            0.8);
    Inspector custom = Inspector.withCustom(List.of(protocol));
    assertThat(custom.scan("protocol ACME-2024-001 and ACME-2024-002")).hasSize(2);
    assertThat(custom.scan("see ACME-2024-001")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // a loyalty-card format with a prefix: Luhn over its digits
        "LOYALTY_CARD|LC-\\d{4}-\\d{4}-\\d{4}|LUHN|card LC-7992-7398-7138 ok|card LC-7992-7398-7131 ok",
        // a site's patient number with the NHS check digit
        "SITE_PATIENT|P\\d{10}|NHS|patient P4010232137 seen|patient P4010232138 seen",
        // a reagent catalogue entry carrying a CAS number
        "REAGENT_CAS|RGT-\\d{2,7}-\\d{2}-\\d|CAS|reagent RGT-64-17-5 used|reagent RGT-64-17-6 used",
        // an in-house account number in IBAN form (mod 97), under a code no country uses
        "HOUSE_ACCOUNT|ZZ\\d{2}[A-Z0-9]{10,30}|MOD97|pay ZZ43CDMO0012345678 now|pay ZZ44CDMO0012345678 now",
      })
  void customDetector_validatorOverPrefixedValue_findsOnlyValid(
      String type, String pattern, String validator, String valid, String invalid) {
    CustomDetector d =
        new CustomDetector(
            type, pattern, Validator.fromCode(validator), List.of(), false, DataType.PII, 0.8);
    Inspector custom = Inspector.withCustom(List.of(d));
    assertThat(custom.scan(valid)).extracting(f -> f.type().name()).contains(type);
    assertThat(custom.scan(invalid)).extracting(f -> f.type().name()).doesNotContain(type);
  }
}
