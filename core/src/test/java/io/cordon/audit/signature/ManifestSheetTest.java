package io.cordon.audit.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestSheetTest {
  private final SignatureRecord record =
      SignatureFixtures.unsealed(SignatureFixtures.version()).sealedWith("k1", new byte[64]);

  @Test
  void footer_oneValidSignature_namesSignerMeaningAndLocalTime() {
    assertThat(ManifestSheet.footer(List.of(valid(record))))
        .isEqualTo(
            "Electronically signed: Jane Roe, approved, 2026-11-23 14:05:12 CET (+01:00)"
                + " — see manifest");
  }

  @Test
  void footer_invalidSignature_notNamedAsSigned() {
    String footer =
        ManifestSheet.footer(
            List.of(new VerifiedSignature(record, new SignatureCheck.Invalid("x"))));

    assertThat(footer).doesNotContain("Jane Roe").endsWith(ManifestSheet.SEE_MANIFEST);
  }

  @Test
  void manifest_listsBindingAndVerification() {
    List<String> lines =
        ManifestSheet.manifest(
            "batch.pdf",
            SignatureFixtures.version(),
            List.of(
                valid(record), new VerifiedSignature(record, new SignatureCheck.Invalid("bad"))));

    assertThat(String.join("\n", lines))
        .contains("File: batch.pdf (f_0000000000000000000a)")
        .contains("SHA-256: " + SignatureFixtures.SHA)
        .contains("1. Signature: Jane Roe — approved")
        .contains("Signed: 2026-11-23 14:05:12 CET (+01:00) = 2026-11-23T13:05:12.345Z")
        .contains("Audit event: 42")
        .contains("Verification: valid")
        .contains("Verification: NOT VALID — bad");
  }

  private static VerifiedSignature valid(SignatureRecord r) {
    return new VerifiedSignature(r, new SignatureCheck.Valid());
  }
}
