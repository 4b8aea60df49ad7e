package io.cordon.audit.checkpoint;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One signature line of a signed note: {@code — <key name> <base64(key ID ‖ signature)>}, the dash
 * being U+2014 EM DASH. Immutable; the signature is copied in and out.
 *
 * @param keyName the name of the key that signed
 * @param keyId its 32-bit key ID (an unsigned value in an {@code int})
 * @param signature the signature bytes, without the key ID
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {
  /** What starts every signature line: an em dash and a space. */
  static final String PREFIX = "\u2014 ";

  public NoteSignature {
    if (!NoteText.isKeyName(keyName)) {
      throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
    }
    if (signature == null || signature.length == 0) {
      throw new IllegalArgumentException("a signature is not empty");
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** Whether the signature claims to be by {@code key} (same name and key ID). */
  public boolean isBy(VerifierKey key) {
    return keyName.equals(key.name()) && keyId == key.keyId();
  }

  /** The signature line, ending in a newline. */
  public String line() {
    byte[] idAndSignature =
        ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
    return PREFIX + keyName + " " + CanonicalBase64.encode(idAndSignature) + "\n";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NoteSignature that
        && keyName.equals(that.keyName)
        && keyId == that.keyId
        && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return (keyName.hashCode() * 31 + keyId) * 31 + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "NoteSignature[" + keyName + "+" + HexFormat.of().toHexDigits(keyId) + "]";
  }
}
