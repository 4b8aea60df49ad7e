package io.cordon.audit.signature;

import io.cordon.content.Classification;
import io.cordon.content.FileId;
import io.cordon.content.FileVersion;
import io.cordon.identity.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Fixed records for the signature unit tests. */
final class SignatureFixtures {
  static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private SignatureFixtures() {}

  static FileVersion version() {
    return new FileVersion(
        new FileId("f_0000000000000000000a"),
        2,
        "v_00000000000000000002",
        4,
        SHA,
        "blob",
        new byte[] {1},
        Classification.CONFIDENTIAL,
        List.of(),
        new UserId("u_0000000000000000000u"),
        Instant.parse("2026-11-23T10:00:00Z"));
  }

  static SignatureRecord unsealed(FileVersion v) {
    return new SignatureRecord(
        new SignatureId("sig_0000000000000000000s"),
        SignatureKind.SIGNATURE,
        v.file(),
        v.number(),
        v.versionId(),
        v.sha256(),
        new UserId("u_0000000000000000000j"),
        "Jane Roe",
        Meaning.APPROVED,
        Instant.parse("2026-11-23T13:05:12.345678Z"),
        ZoneId.of("Europe/Berlin"),
        42,
        "",
        new byte[0]);
  }
}
