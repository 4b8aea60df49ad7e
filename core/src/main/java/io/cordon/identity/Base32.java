package io.cordon.identity;

import io.cordon.context.CordonException;
import java.io.ByteArrayOutputStream;

/**
 * Base32 with the standard alphabet of <a href="https://www.rfc-editor.org/rfc/rfc4648#section-6">
 * RFC 4648 §6</a>, as authenticator apps expect TOTP secrets.
 *
 * <p>{@link #encode} writes the canonical padded form; {@link #encodeUnpadded} omits the padding,
 * as the otpauth Key URI format asks. {@link #decode} accepts either form, in upper or lower case,
 * and rejects anything else (characters outside the alphabet, impossible lengths, misplaced
 * padding, non-zero trailing bits) with {@link CordonException.InvalidInput}. Stateless and
 * thread-safe.
 */
public final class Base32 {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  /** Lengths of the final quantum (in characters) that RFC 4648 can produce: 2, 4, 5 or 7. */
  private static final boolean[] VALID_TAIL = {true, false, true, false, true, true, false, true};

  private Base32() {}

  /** Encodes with {@code =} padding to a multiple of eight characters (RFC 4648 §6). */
  public static String encode(byte[] data) {
    StringBuilder out = new StringBuilder(encodeUnpadded(data));
    while (out.length() % 8 != 0) {
      out.append('=');
    }
    return out.toString();
  }

  /** Encodes without padding. */
  public static String encodeUnpadded(byte[] data) {
    StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET[(buffer >>> (bits - 5)) & 0x1f]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 0x1f]);
    }
    return out.toString();
  }

  /** Decodes padded or unpadded Base32, case-insensitively. */
  public static byte[] decode(String text) {
    if (text == null) {
      throw new CordonException.InvalidInput("base32 text is missing");
    }
    String body = stripPadding(text);
    if (!VALID_TAIL[body.length() % 8]) {
      throw new CordonException.InvalidInput("base32 text has an impossible length");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < body.length(); i++) {
      buffer = (buffer << 5) | valueOf(body.charAt(i));
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >>> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    if ((buffer & ((1 << bits) - 1)) != 0) {
      throw new CordonException.InvalidInput("base32 text has non-zero trailing bits");
    }
    return out.toByteArray();
  }

  private static String stripPadding(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '=') {
      end--;
    }
    if (end < text.length() && text.length() % 8 != 0) {
      throw new CordonException.InvalidInput("base32 padding must fill the last 8-character group");
    }
    return text.substring(0, end);
  }

  private static int valueOf(char c) {
    char upper = Character.toUpperCase(c);
    if (upper >= 'A' && upper <= 'Z' && c < 128) {
      return upper - 'A';
    }
    if (c >= '2' && c <= '7') {
      return c - '2' + 26;
    }
    throw new CordonException.InvalidInput("base32 text contains a character outside the alphabet");
  }
}
