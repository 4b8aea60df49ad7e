package io.cordon.audit.checkpoint;

import io.cordon.context.CordonException;
import java.util.Base64;

/**
 * Standard base64 (RFC 4648 §4) accepting only the one canonical spelling of each value: padded,
 * and with zero bits after the last byte. Java's decoder alone also takes unpadded input and stray
 * trailing bits, which would let one signed value be written several ways.
 */
final class CanonicalBase64 {
  private CanonicalBase64() {}

  static byte[] decode(String text, String what) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new CordonException.InvalidInput(what + " is not base64");
    }
    if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
      throw new CordonException.InvalidInput(what + " is not canonical base64");
    }
    return decoded;
  }

  static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
