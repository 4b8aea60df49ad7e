package io.cordon.context;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A secret value (a passphrase, a PIN, raw key bytes) that never prints itself: {@link #toString()}
 * redacts, as Tink's {@code SecretBytes} does. The bytes are copied in and out, and {@link
 * #close()} zeroes the held copy, so that a secret can be used in try-with-resources and left to
 * die.
 *
 * <p>Thread-safe for reads; closing while another thread reads is a caller error.
 */
public final class Secret implements AutoCloseable {
  private final byte[] bytes;
  private volatile boolean closed;

  private Secret(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Takes a copy of {@code bytes}; the caller should zero its own array. */
  public static Secret of(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("no secret");
    }
    return new Secret(bytes.clone());
  }

  /**
   * A passphrase or PIN, held as its UTF-8 encoding, without ever making a {@code String} of it.
   * The caller should zero its own array.
   */
  public static Secret ofChars(char[] chars) {
    if (chars == null) {
      throw new IllegalArgumentException("no secret");
    }
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    byte[] out = new byte[encoded.remaining()];
    encoded.get(out);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return new Secret(out);
  }

  /** A fresh copy of the secret bytes; zero it when done. */
  public byte[] bytes() {
    checkOpen();
    return bytes.clone();
  }

  /** The secret decoded as UTF-8 characters (for APIs that take a {@code char[]} PIN). */
  public char[] chars() {
    checkOpen();
    CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
    char[] out = new char[decoded.remaining()];
    decoded.get(out);
    if (decoded.hasArray()) {
      Arrays.fill(decoded.array(), '\0');
    }
    return out;
  }

  public int length() {
    checkOpen();
    return bytes.length;
  }

  /** Zeroes the held copy; later reads fail. */
  @Override
  public void close() {
    closed = true;
    Arrays.fill(bytes, (byte) 0);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("secret already closed");
    }
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
