package io.cordon.identity;

import io.cordon.context.CordonException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The shared key of a TOTP factor (<a href="https://www.rfc-editor.org/rfc/rfc6238">RFC 6238</a>).
 * Immutable: the bytes are copied in and out. {@link #toString} never shows the key; use {@link
 * #toBase32} only to show it once at enrolment or to seal it for storage. Thread-safe.
 */
public final class TotpSecret {
  /** RFC 4226 §4 requires at least 128 bits and recommends 160. */
  public static final int MIN_BYTES = 16;

  /** 160 bits, the length RFC 4226 recommends and HMAC-SHA1's block-friendly size. */
  public static final int DEFAULT_BYTES = 20;

  private final byte[] key;

  private TotpSecret(byte[] key) {
    this.key = key.clone();
  }

  /**
   * Wraps existing key bytes. Shorter keys than {@link #MIN_BYTES} are accepted here only because
   * the published test vectors and some legacy enrolments use them; {@link #generate} never makes
   * one.
   */
  public static TotpSecret of(byte[] key) {
    if (key == null || key.length == 0) {
      throw new CordonException.InvalidInput("a TOTP secret cannot be empty");
    }
    return new TotpSecret(key);
  }

  /**
   * Decodes a Base32 secret as shown by authenticator apps (case-insensitive, padding optional).
   */
  public static TotpSecret fromBase32(String base32) {
    return of(Base32.decode(base32));
  }

  /** A fresh random secret of {@code length} bytes (at least {@link #MIN_BYTES}). */
  public static TotpSecret generate(SecureRandom random, int length) {
    if (length < MIN_BYTES) {
      throw new IllegalArgumentException("TOTP secrets must have at least 128 bits");
    }
    byte[] key = new byte[length];
    random.nextBytes(key);
    return new TotpSecret(key);
  }

  /** A copy of the key bytes; the caller should clear it after use. */
  public byte[] bytes() {
    return key.clone();
  }

  /** The key in unpadded upper-case Base32, the form of the otpauth URI's {@code secret}. */
  public String toBase32() {
    return Base32.encodeUnpadded(key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TotpSecret that && MessageDigest.isEqual(key, that.key);
  }

  @Override
  public int hashCode() {
    // Deliberately constant: a hash of the key would leak a little of it through hash tables.
    return TotpSecret.class.hashCode();
  }

  @Override
  public String toString() {
    return "TotpSecret[redacted, " + key.length + " bytes]";
  }

  /** Overwrites the key in memory; the object must not be used afterwards. */
  public void destroy() {
    Arrays.fill(key, (byte) 0);
  }
}
