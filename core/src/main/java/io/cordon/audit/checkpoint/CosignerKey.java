package io.cordon.audit.checkpoint;

import com.google.crypto.tink.subtle.Ed25519Verify;
import io.cordon.context.CordonException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * The public key of a witness that makes Ed25519 cosignatures (c2sp.org/tlog-cosignature,
 * cosignature/v1), in signed-note verifier-key form {@code <name>+<8 hex digits of the key
 * ID>+<base64(0x04 ‖ public key)>}. The key ID is the first four bytes of {@code SHA-256(name ‖
 * 0x0A ‖ 0x04 ‖ public key)}: the signature type 0x04 keeps a cosigner key apart from a log key
 * (type 0x01) even if the same Ed25519 key were used for both.
 *
 * <p>Immutable and thread-safe.
 */
public final class CosignerKey {
  /** The signature type of Ed25519 cosignatures (c2sp.org/signed-note, "Signature types"). */
  public static final byte COSIGNATURE_V1 = 0x04;

  private static final int TIMESTAMP_BYTES = 8;

  private final String name;
  private final int keyId;
  private final byte[] publicKey;
  private final Ed25519Verify verifier;

  private CosignerKey(String name, byte[] publicKey) {
    this.name = name;
    this.publicKey = publicKey.clone();
    this.keyId = keyId(name, publicKey);
    this.verifier = new Ed25519Verify(this.publicKey);
  }

  /** The cosigner key named {@code name} for a 32-byte Ed25519 public key (RFC 8032). */
  public static CosignerKey ed25519(String name, byte[] publicKey) {
    if (!NoteText.isKeyName(name)) {
      throw new CordonException.InvalidInput("a key name is non-empty, without spaces or '+'");
    }
    if (publicKey == null || publicKey.length != VerifierKey.PUBLIC_KEY_BYTES) {
      throw new CordonException.InvalidInput("an Ed25519 public key has 32 bytes");
    }
    return new CosignerKey(name, publicKey);
  }

  /**
   * Parses the verifier-key form; the key ID must match the name and key, and the type must be
   * 0x04.
   *
   * @throws CordonException.InvalidInput otherwise
   */
  public static CosignerKey parse(String encoded) {
    int first = encoded == null ? -1 : encoded.indexOf('+');
    int second = first < 0 ? -1 : encoded.indexOf('+', first + 1);
    if (second < 0) {
      throw new CordonException.InvalidInput("a cosigner key is <name>+<key id>+<key>");
    }
    String name = encoded.substring(0, first);
    String id = encoded.substring(first + 1, second);
    if (!NoteText.isKeyName(name)) {
      throw new CordonException.InvalidInput("the cosigner key's name is not a valid key name");
    }
    if (id.length() != 8 || !id.chars().allMatch(HexFormat::isHexDigit)) {
      throw new CordonException.InvalidInput("the cosigner key's ID is not 8 hex digits");
    }
    byte[] key = CanonicalBase64.decode(encoded.substring(second + 1), "the cosigner key");
    if (key.length != 1 + VerifierKey.PUBLIC_KEY_BYTES || key[0] != COSIGNATURE_V1) {
      throw new CordonException.InvalidInput(
          "the cosigner key is not an Ed25519 cosignature/v1 key (type 0x04)");
    }
    CosignerKey parsed = new CosignerKey(name, Arrays.copyOfRange(key, 1, key.length));
    if (HexFormat.fromHexDigits(id) != parsed.keyId) {
      throw new CordonException.InvalidInput("the cosigner key's ID does not match its key");
    }
    return parsed;
  }

  /** The verifier-key form, {@code <name>+<key ID, 8 lower-case hex>+<base64(0x04 ‖ key)>}. */
  public String encoded() {
    return name
        + "+"
        + HexFormat.of().toHexDigits(keyId)
        + "+"
        + CanonicalBase64.encode(typedKey(publicKey));
  }

  public String name() {
    return name;
  }

  /** The key ID as signature lines carry it (an unsigned 32-bit value in an {@code int}). */
  public int keyId() {
    return keyId;
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Whether the signature line claims to be by this key (same name and key ID). */
  public boolean claims(NoteSignature signature) {
    return signature.keyName().equals(name) && signature.keyId() == keyId;
  }

  /**
   * Verifies a cosignature over the note text {@code checkpointText} (the checkpoint body, without
   * signature lines).
   *
   * @return the cosignature's timestamp (POSIX seconds), or empty if it is not this key's valid
   *     cosignature of that text
   */
  public OptionalLong verify(String checkpointText, NoteSignature signature) {
    byte[] bytes = signature.signature();
    if (!claims(signature) || bytes.length != TIMESTAMP_BYTES + VerifierKey.SIGNATURE_BYTES) {
      return OptionalLong.empty();
    }
    long timestamp = ByteBuffer.wrap(bytes, 0, TIMESTAMP_BYTES).getLong();
    if (timestamp < 0) {
      return OptionalLong.empty(); // above 2^63 - 1, which the format forbids
    }
    try {
      verifier.verify(
          Arrays.copyOfRange(bytes, TIMESTAMP_BYTES, bytes.length),
          Cosignature.message(timestamp, checkpointText));
      return OptionalLong.of(timestamp);
    } catch (GeneralSecurityException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The timestamp of this key's valid cosignature in a signed note (a cosigned checkpoint as
   * published), if the note holds one; a malformed note holds none.
   */
  public OptionalLong verifyNote(byte[] note, NoteLimits limits) {
    SignedNote parsed;
    try {
      parsed = SignedNote.parse(note, limits);
    } catch (CordonException.InvalidInput | CordonException.TooLarge e) {
      return OptionalLong.empty();
    }
    for (NoteSignature signature : parsed.signatures()) {
      OptionalLong time = verify(parsed.text(), signature);
      if (time.isPresent()) {
        return time;
      }
    }
    return OptionalLong.empty();
  }

  static int keyId(String name, byte[] publicKey) {
    return VerifierKey.hashPrefix(name, typedKey(publicKey));
  }

  private static byte[] typedKey(byte[] publicKey) {
    return VerifierKey.typedKey(COSIGNATURE_V1, publicKey);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CosignerKey that
        && name.equals(that.name)
        && Arrays.equals(publicKey, that.publicKey);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return encoded();
  }
}
