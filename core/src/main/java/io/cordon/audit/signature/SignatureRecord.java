package io.cordon.audit.signature;

import io.cordon.content.FileId;
import io.cordon.identity.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One stored electronic signature or receipt: who signed which exact file version (number, the
 * random version id bound into its encryption, and its SHA-256), with what meaning, when and in
 * which zone, the audit event that recorded it, and the installation key's Ed25519 seal over all of
 * that ({@link SignedBytes}). Immutable: stores insert it once and never change it (21 CFR 11.70).
 *
 * @param signedAt whole milliseconds, the precision stores keep (truncated here)
 * @param auditSeq the {@code seq} of the {@code signature.create} or {@code receipt.create} event
 * @param keyId the id of the installation signature key that sealed it
 * @param seal the Ed25519 signature over {@link SignedBytes#of}; empty until sealed
 */
public record SignatureRecord(
    SignatureId id,
    SignatureKind kind,
    FileId file,
    int version,
    String versionId,
    String sha256,
    UserId signer,
    String printedName,
    Meaning meaning,
    Instant signedAt,
    ZoneId zone,
    long auditSeq,
    String keyId,
    byte[] seal) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public SignatureRecord {
    if (id == null
        || kind == null
        || file == null
        || versionId == null
        || sha256 == null
        || signer == null
        || printedName == null
        || meaning == null
        || signedAt == null
        || zone == null
        || keyId == null
        || seal == null) {
      throw new IllegalArgumentException("incomplete signature record");
    }
    if (version < 1 || auditSeq < 0 || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("signature record out of range");
    }
    // Fields are lines of the sealed text: nothing in them may start a new line.
    if (printedName.isBlank()
        || printedName.chars().anyMatch(Character::isISOControl)
        || versionId.chars().anyMatch(Character::isISOControl)
        || keyId.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("signature record fields must be printable");
    }
    signedAt = signedAt.truncatedTo(ChronoUnit.MILLIS);
    seal = seal.clone();
  }

  @Override
  public byte[] seal() {
    return seal.clone();
  }

  /** The printed name, time and meaning as 11.50 shows them. */
  public Manifest manifest() {
    return new Manifest(printedName, meaning, kind, signedAt, zone);
  }

  /** This record, recorded by audit event {@code seq} at {@code time}, not yet sealed. */
  public SignatureRecord recordedAs(long seq, Instant time) {
    return new SignatureRecord(
        id,
        kind,
        file,
        version,
        versionId,
        sha256,
        signer,
        printedName,
        meaning,
        time,
        zone,
        seq,
        keyId,
        new byte[0]);
  }

  /** This record with its seal by key {@code sealKeyId}. */
  public SignatureRecord sealedWith(String sealKeyId, byte[] signature) {
    return new SignatureRecord(
        id,
        kind,
        file,
        version,
        versionId,
        sha256,
        signer,
        printedName,
        meaning,
        signedAt,
        zone,
        auditSeq,
        sealKeyId,
        signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignatureRecord r
        && SignedBytes.text(this).equals(SignedBytes.text(r))
        && Arrays.equals(seal, r.seal);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }
}
