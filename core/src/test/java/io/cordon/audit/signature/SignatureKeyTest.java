package io.cordon.audit.signature;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.content.FileId;
import io.cordon.content.FileVersion;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignatureKeyTest {
  private final SignatureKey key = SignatureKey.generate();
  private final FileVersion version = SignatureFixtures.version();
  private final SignatureRecord sealed = key.seal(SignatureFixtures.unsealed(version));

  @Test
  void check_untouchedRecordAndVersion_valid() {
    assertThat(sealed.keyId()).isEqualTo(key.id()).hasSize(16);
    assertThat(sealed.seal()).hasSize(64);
    assertThat(key.check(sealed, Optional.of(version))).isEqualTo(new SignatureCheck.Valid());
  }

  @Test
  void check_versionGone_invalid() {
    assertThat(key.check(sealed, Optional.empty()).isValid()).isFalse();
  }

  @Test
  void check_versionContentHashChanged_invalid() {
    FileVersion changed =
        new FileVersion(
            version.file(),
            version.number(),
            version.versionId(),
            version.size(),
            "0".repeat(64),
            version.blobKey(),
            version.wrappedDek(),
            version.classification(),
            version.dataTypes(),
            version.createdBy(),
            version.created());

    assertThat(key.check(sealed, Optional.of(changed)))
        .isEqualTo(new SignatureCheck.Invalid("the version's content hash is not the signed hash"));
  }

  @Test
  void check_recordMovedToAnotherVersionNumber_invalid() {
    SignatureRecord moved = copy(sealed, sealed.file(), 1);

    // The version now found under number 1 is another version with another id.
    assertThat(key.check(moved, Optional.of(version)).isValid()).isFalse();
  }

  @Test
  void check_recordMovedToAnotherFileWithSameVersionIdForged_sealFails() {
    FileId other = new FileId("f_0000000000000000000b");
    SignatureRecord moved = copy(sealed, other, sealed.version());
    FileVersion there =
        new FileVersion(
            other,
            version.number(),
            version.versionId(),
            version.size(),
            version.sha256(),
            version.blobKey(),
            version.wrappedDek(),
            version.classification(),
            version.dataTypes(),
            version.createdBy(),
            version.created());

    assertThat(key.check(moved, Optional.of(there)))
        .isEqualTo(new SignatureCheck.Invalid("the seal does not match the record"));
  }

  @Test
  void check_otherInstallationsKey_invalid() {
    SignatureKey other = SignatureKey.generate();

    assertThat(other.check(sealed, Optional.of(version)).isValid()).isFalse();
  }

  private static SignatureRecord copy(SignatureRecord r, FileId file, int number) {
    return new SignatureRecord(
        r.id(),
        r.kind(),
        file,
        number,
        r.versionId(),
        r.sha256(),
        r.signer(),
        r.printedName(),
        r.meaning(),
        r.signedAt(),
        r.zone(),
        r.auditSeq(),
        r.keyId(),
        r.seal());
  }
}
