package io.cordon.audit.checkpoint;

import com.google.crypto.tink.subtle.Ed25519Verify;
import io.cordon.context.CordonException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A signed-note verifier key for Ed25519 (c2sp.org/signed-note): the key name, the 32-bit key ID
 * and the 32-byte public key, written as {@code <name>+<8 hex digits of the key ID>+<base64(0x01 ‖
 * public key)>}. The key ID is always the first four bytes of {@code SHA-256(name ‖ 0x0A ‖ 0x01 ‖
 * public key)}, so a key cannot claim another's ID by mistake.
 *
 * <p>Immutable and thread-safe.
 */
public final class VerifierKey {
  /** The signature type byte of Ed25519 in signed notes. */
  static final byte ED25519 = 0x01;

  static final int PUBLIC_KEY_BYTES = 32;
  static final int SIGNATURE_BYTES = 64;

  private final String name;
  private final int keyId;
  private final byte[] publicKey;
  private final Ed25519Verify verifier;

  private VerifierKey(String name, byte[] publicKey) {
    this.name = name;
    this.publicKey = publicKey.clone();
    this.keyId = keyId(name, publicKey);
    this.verifier = new Ed25519Verify(this.publicKey);
  }

  /** The verifier key named {@code name} for an Ed25519 public key (32 bytes, RFC 8032). */
  public static VerifierKey ed25519(String name, byte[] publicKey) {
    if (!NoteText.isKeyName(name)) {
      throw new CordonException.InvalidInput("a key name is non-empty, without spaces or '+'");
    }
    if (publicKey == null || publicKey.length != PUBLIC_KEY_BYTES) {
      throw new CordonException.InvalidInput("an Ed25519 public key has 32 bytes");
    }
    return new VerifierKey(name, publicKey);
  }

  /**
   * Parses the text form, as Go's {@code note.NewVerifier} does: the key ID in hexadecimal (either
   * case) must match the name and key, and the key must be Ed25519.
   *
   * @throws CordonException.InvalidInput if {@code encoded} is not a valid Ed25519 verifier key
   */
  public static VerifierKey parse(String encoded) {
    int first = encoded == null ? -1 : encoded.indexOf('+');
    int second = first < 0 ? -1 : encoded.indexOf('+', first + 1);
    if (second < 0) {
      throw new CordonException.InvalidInput("a verifier key is <name>+<key id>+<key>");
    }
    String name = encoded.substring(0, first);
    String id = encoded.substring(first + 1, second);
    if (!NoteText.isKeyName(name)) {
      throw new CordonException.InvalidInput("the verifier key's name is not a valid key name");
    }
    if (id.length() != 8 || !id.chars().allMatch(HexFormat::isHexDigit)) {
      throw new CordonException.InvalidInput("the verifier key's ID is not 8 hex digits");
    }
    byte[] key = CanonicalBase64.decode(encoded.substring(second + 1), "the verifier key");
    if (key.length == 0 || HexFormat.fromHexDigits(id) != hashPrefix(name, key)) {
      throw new CordonException.InvalidInput("the verifier key's ID does not match its key");
    }
    if (key[0] != ED25519 || key.length != 1 + PUBLIC_KEY_BYTES) {
      throw new CordonException.InvalidInput("the verifier key is not an Ed25519 key");
    }
    return new VerifierKey(name, Arrays.copyOfRange(key, 1, key.length));
  }

  /** The text form, {@code <name>+<key ID in 8 lower-case hex digits>+<base64(0x01 ‖ key)>}. */
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

  /** The key ID as the signed note carries it (an unsigned 32-bit value in an {@code int}). */
  public int keyId() {
    return keyId;
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Whether {@code signature} is this key's Ed25519 signature (RFC 8032) of {@code message}. */
  public boolean verifies(byte[] message, byte[] signature) {
    if (message == null || signature == null || signature.length != SIGNATURE_BYTES) {
      return false;
    }
    try {
      verifier.verify(signature, message);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The key ID of an Ed25519 key: c2sp.org/signed-note, "Ed25519 signatures". */
  static int keyId(String name, byte[] publicKey) {
    return hashPrefix(name, typedKey(publicKey));
  }

  /**
   * The key ID of any signed-note key: the first four bytes of SHA-256(name ‖ 0x0A ‖ type byte ‖
   * key), as c2sp.org/signed-note defines it for every signature type.
   */
  static int hashPrefix(String name, byte[] typedKey) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(name.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) '\n');
      sha256.update(typedKey);
      return ByteBuffer.wrap(sha256.digest()).getInt();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static byte[] typedKey(byte[] publicKey) {
    return typedKey(ED25519, publicKey);
  }

  /** The key as signed-note encodes it: its signature type byte, then the key. */
  static byte[] typedKey(byte type, byte[] publicKey) {
    byte[] typed = new byte[1 + publicKey.length];
    typed[0] = type;
    System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
    return typed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerifierKey that
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
