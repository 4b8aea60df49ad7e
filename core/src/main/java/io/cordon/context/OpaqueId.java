package io.cordon.context;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Creates and checks the opaque identifiers Cordon hands out: a short type prefix, an underscore
 * and 20 characters of Crockford base32 (100 random bits). They carry no meaning and no order.
 */
public final class OpaqueId {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final Pattern SHAPE = Pattern.compile("[a-z]{1,8}_[0-9a-z]{8,40}");

  private OpaqueId() {}

  /** A new random identifier with the given prefix ({@code "f"} gives {@code f_…}). */
  public static String next(String prefix) {
    char[] out = new char[20];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return prefix + "_" + new String(out);
  }

  /**
   * Checks that a caller-supplied identifier has the shape of one of ours, so that nothing
   * path-like or oversized travels further.
   *
   * @throws CordonException.InvalidInput if it does not
   */
  public static String check(String value, String what) {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new CordonException.InvalidInput("malformed " + what + " id");
    }
    return value;
  }
}
