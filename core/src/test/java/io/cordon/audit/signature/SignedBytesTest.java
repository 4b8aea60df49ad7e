package io.cordon.audit.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.identity.UserId;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SignedBytesTest {
  @Test
  void text_record_isFixedLinesInFixedOrderWithMillisecondUtcTime() {
    SignatureRecord r =
        SignatureFixtures.unsealed(SignatureFixtures.version()).sealedWith("00ff", new byte[64]);

    assertThat(SignedBytes.text(r))
        .isEqualTo(
            """
            cordon-e-signature/v1
            id: sig_0000000000000000000s
            kind: signature
            file: f_0000000000000000000a
            version: 2
            version-id: v_00000000000000000002
            sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
            signer: u_0000000000000000000j
            printed-name: Jane Roe
            meaning: approved
            signed-at: 2026-11-23T13:05:12.345Z
            time-zone: Europe/Berlin
            audit-seq: 42
            key-id: 00ff
            """);
  }

  @Test
  void of_nonAsciiName_isUtf8() {
    SignatureRecord r = withName("Zoë Ağaoğlu");

    assertThat(new String(SignedBytes.of(r), java.nio.charset.StandardCharsets.UTF_8))
        .contains("printed-name: Zoë Ağaoğlu\n");
  }

  @Test
  void of_seal_isNotCovered() {
    SignatureRecord r = SignatureFixtures.unsealed(SignatureFixtures.version());

    assertThat(SignedBytes.of(r.sealedWith("k", new byte[] {1})))
        .isEqualTo(SignedBytes.of(r.sealedWith("k", new byte[] {2})));
  }

  @Test
  void record_nameWithLineBreak_refusedSoNoFieldCanForgeALine() {
    assertThatThrownBy(() -> withName("Jane\nmeaning: authored"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_everyBoundField_changesTheBytes() {
    SignatureRecord base = SignatureFixtures.unsealed(SignatureFixtures.version());
    String text = SignedBytes.text(base);

    assertThat(SignedBytes.text(withName("Jane Rot"))).isNotEqualTo(text);
    assertThat(SignedBytes.text(base.recordedAs(43, base.signedAt()))).isNotEqualTo(text);
    assertThat(
            SignedBytes.text(
                new SignatureRecord(
                    base.id(),
                    base.kind(),
                    base.file(),
                    base.version(),
                    base.versionId(),
                    base.sha256(),
                    new UserId("u_0000000000000000000k"),
                    base.printedName(),
                    base.meaning(),
                    base.signedAt(),
                    ZoneId.of("UTC"),
                    base.auditSeq(),
                    base.keyId(),
                    base.seal())))
        .isNotEqualTo(text);
  }

  private static SignatureRecord withName(String name) {
    SignatureRecord b = SignatureFixtures.unsealed(SignatureFixtures.version());
    return new SignatureRecord(
        b.id(),
        b.kind(),
        b.file(),
        b.version(),
        b.versionId(),
        b.sha256(),
        b.signer(),
        name,
        b.meaning(),
        b.signedAt(),
        b.zone(),
        b.auditSeq(),
        b.keyId(),
        b.seal());
  }
}
