package io.cordon.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.content.Classification;
import io.cordon.inspect.MalwareScanner.ScanResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The verdict rules of docs/inspection.md: what the extractor and the scanner said becomes one
 * state and a label that never goes below the one the version had; a scanner failure is never
 * clean.
 */
class InspectionVerdictTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private final InspectionService service =
      new InspectionService(
          null,
          null,
          new PlainTextExtractor(),
          Inspector.standard(),
          Optional.empty(),
          Clock.fixed(NOW, ZoneOffset.UTC),
          InspectionSettings.DEFAULT);

  private static Extraction text(String s) throws IOException {
    return new PlainTextExtractor()
        .extract(
            new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)),
            "x.txt",
            Inspector.standard());
  }

  private static Verdict pending(Classification c) {
    return Verdict.pending(c, List.of(), NOW);
  }

  @Test
  void verdict_nothingFound_isClean_andKeepsTheUploadLabel() throws IOException {
    Verdict v =
        service.verdict(
            pending(Classification.CONFIDENTIAL), text("cleaning log, all ok"), Optional.empty());
    assertThat(v.state()).isEqualTo(InspectionState.CLEAN);
    assertThat(v.classification()).isEqualTo(Classification.CONFIDENTIAL);
    assertThat(v.isQuarantined()).isFalse();
  }

  @Test
  void verdict_ssn_isFlaggedRestrictedPii_withCountsOnly() throws IOException {
    Verdict v =
        service.verdict(
            pending(Classification.INTERNAL), text("SSN 536-22-8173 on file"), Optional.empty());
    assertThat(v.state()).isEqualTo(InspectionState.FLAGGED);
    assertThat(v.classification()).isEqualTo(Classification.RESTRICTED);
    assertThat(v.dataTypes()).containsExactly("PII");
    assertThat(v.counts()).containsEntry("US_SSN", 1L);
    assertThat(v.toString()).doesNotContain("8173");
  }

  @Test
  void verdict_binaryWithoutParser_isUnscannable() throws IOException {
    Extraction binary =
        new PlainTextExtractor()
            .extract(new ByteArrayInputStream(new byte[] {1, 0, 2}), "x.bin", Inspector.standard());
    assertThat(service.verdict(pending(Classification.INTERNAL), binary, Optional.empty()).state())
        .isEqualTo(InspectionState.UNSCANNABLE);
  }

  @Test
  void verdict_truncatedWithNothingFound_isUnscannable_notClean() throws IOException {
    Extraction partial =
        new Extraction(
            Extraction.Status.TRUNCATED,
            "text/plain",
            "character limit",
            Optional.of(Inspector.standard().inspect(new java.io.StringReader("nothing here"))));
    assertThat(service.verdict(pending(Classification.INTERNAL), partial, Optional.empty()).state())
        .isEqualTo(InspectionState.UNSCANNABLE);
  }

  @Test
  void verdict_malwareFound_isInfected_andQuarantined() throws IOException {
    Verdict v =
        service.verdict(
            pending(Classification.INTERNAL),
            text("harmless words"),
            Optional.of(new ScanResult.Infected("Eicar-Test-Signature")));
    assertThat(v.state()).isEqualTo(InspectionState.INFECTED);
    assertThat(v.malware()).contains("Eicar-Test-Signature");
    assertThat(v.isQuarantined()).isTrue();
  }

  @Test
  void verdict_scannerFailed_isNeverClean() throws IOException {
    Verdict v =
        service.verdict(
            pending(Classification.INTERNAL),
            text("harmless words"),
            Optional.of(new ScanResult.Failed("clamd is unreachable")));
    assertThat(v.state()).isEqualTo(InspectionState.UNSCANNABLE);
    assertThat(v.detail().orElseThrow()).contains("unreachable");
  }

  @Test
  void verdict_privateKey_isQuarantined() throws IOException {
    Verdict v =
        service.verdict(
            pending(Classification.INTERNAL),
            text(
                "-----BEGIN EC PRIVATE KEY-----\n"
                    + "MHcCAQEEIBkqk1b0qLZ7n5Y4lQmJ0y8Q9zT3c8eYl0a2Rk7o3xXkoAoGCCqGSM49\n"
                    + "-----END EC PRIVATE KEY-----\n"),
            Optional.empty());
    assertThat(v.dataTypes()).contains("SECRET");
    assertThat(v.isQuarantined()).isTrue();
  }
}
