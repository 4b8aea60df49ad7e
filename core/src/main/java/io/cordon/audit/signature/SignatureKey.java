package io.cordon.audit.signature;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.subtle.Ed25519Verify;
import io.cordon.content.FileVersion;
import io.cordon.context.CordonException;
import io.cordon.context.Secret;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The installation's Ed25519 key (RFC 8032, through Tink) that seals signature records, and the
 * verification of a record against the content as stored now. The private key exists only in
 * memory; at rest it is wrapped by the key vault ({@link SignatureKeyStore}). Thread-safe.
 */
public final class SignatureKey {
  private static final int SEED_BYTES = 32;

  private final Ed25519Sign signer;
  private final Ed25519Verify verifier;
  private final byte[] publicKey;
  private final String id;

  private SignatureKey(byte[] seed) throws GeneralSecurityException {
    this.publicKey = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
    this.signer = new Ed25519Sign(seed);
    this.verifier = new Ed25519Verify(publicKey);
    this.id = keyId(publicKey);
  }

  /** A new random key. */
  public static SignatureKey generate() {
    byte[] seed = null;
    try {
      seed = Ed25519Sign.KeyPair.newKeyPair().getPrivateKey();
      return new SignatureKey(seed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 key generation failed", e);
    } finally {
      if (seed != null) {
        Arrays.fill(seed, (byte) 0);
      }
    }
  }

  /** The key whose 32-byte RFC 8032 private key (seed) is {@code seed}. */
  public static SignatureKey fromSeed(Secret seed) {
    byte[] bytes = seed.bytes();
    try {
      if (bytes.length != SEED_BYTES) {
        throw new CordonException.IntegrityViolation("the signature key is damaged", null);
      }
      return new SignatureKey(bytes);
    } catch (GeneralSecurityException e) {
      throw new CordonException.IntegrityViolation("the signature key is damaged", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The first 8 bytes of SHA-256 of the public key, in hex: names the key in every record. */
  public String id() {
    return id;
  }

  /** The 32-byte Ed25519 public key, for verifying records outside Cordon. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The record, sealed over its canonical bytes with this key. */
  public SignatureRecord seal(SignatureRecord unsealed) {
    SignatureRecord named = unsealed.sealedWith(id, new byte[0]);
    try {
      return named.sealedWith(id, signer.sign(SignedBytes.of(named)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /**
   * Verifies a stored record against the version it names as stored now: the version must still
   * exist with the version id and SHA-256 in the record, and the seal must match the record's
   * canonical bytes. A record moved to another file or version, or content whose hash changed,
   * fails (21 CFR 11.70).
   *
   * @param current the version stored under the record's file id and version number, if any
   */
  public SignatureCheck check(SignatureRecord record, Optional<FileVersion> current) {
    if (!record.keyId().equals(id)) {
      return checkContent(record, current)
          .orElseGet(
              () -> new SignatureCheck.Invalid("sealed by an unknown key " + record.keyId()));
    }
    return check(record, current, verifier);
  }

  /** As {@link #check(SignatureRecord, Optional)}, with the public key the record names. */
  static SignatureCheck check(
      SignatureRecord record, Optional<FileVersion> current, Ed25519Verify verifier) {
    Optional<SignatureCheck> content = checkContent(record, current);
    if (content.isPresent()) {
      return content.get();
    }
    try {
      verifier.verify(record.seal(), SignedBytes.of(record));
      return new SignatureCheck.Valid();
    } catch (GeneralSecurityException e) {
      return new SignatureCheck.Invalid("the seal does not match the record");
    }
  }

  /** Why the record does not match the version stored now, if it does not. */
  private static Optional<SignatureCheck> checkContent(
      SignatureRecord record, Optional<FileVersion> current) {
    if (current.isEmpty()) {
      return Optional.of(new SignatureCheck.Invalid("the signed file version does not exist"));
    }
    FileVersion v = current.get();
    if (!v.file().equals(record.file()) || !v.versionId().equals(record.versionId())) {
      return Optional.of(
          new SignatureCheck.Invalid("the record names a different version than it was made for"));
    }
    if (!MessageDigest.isEqual(bytes(v.sha256()), bytes(record.sha256()))) {
      return Optional.of(
          new SignatureCheck.Invalid("the version's content hash is not the signed hash"));
    }
    return Optional.empty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  static String keyId(byte[] publicKey) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(publicKey);
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "SignatureKey[" + id + "]";
  }
}
