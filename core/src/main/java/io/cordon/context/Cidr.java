package io.cordon.context;

import java.util.Arrays;

/**
 * An address block in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), held as a 128-bit
 * network (IPv4 blocks as IPv4-mapped IPv6, so {@code /8} becomes {@code /104}). A block with host
 * bits set ({@code 10.0.0.1/8}) is refused: it is almost always a typing mistake. A bare address is
 * a block of one. Immutable and thread-safe.
 */
public final class Cidr {
  private final byte[] network;
  private final int prefix;
  private final String text;

  private Cidr(byte[] network, int prefix, String text) {
    this.network = network;
    this.prefix = prefix;
    this.text = text;
  }

  /**
   * Parses a block.
   *
   * @throws IllegalArgumentException saying what is wrong with {@code text}
   */
  public static Cidr parse(String text) {
    if (text == null || text.isBlank() || text.length() > 64) {
      throw new IllegalArgumentException("not a CIDR block: '" + text + "'");
    }
    String s = text.strip();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    byte[] bytes =
        IpAddresses.parse(address)
            .orElseThrow(
                () -> new IllegalArgumentException("not an IP address: '" + address + "' in " + s));
    boolean v4 = address.indexOf(':') < 0;
    int max = v4 ? 32 : 128;
    int bits = max;
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > max) {
        throw new IllegalArgumentException(
            "prefix length of '" + s + "' must be a number from 0 to " + max);
      }
      bits = Integer.parseInt(p);
    }
    int prefix = v4 ? bits + 96 : bits;
    for (int i = prefix; i < 128; i++) {
      if (bit(bytes, i)) {
        throw new IllegalArgumentException(
            "'" + s + "' has host bits set; did you mean " + masked(bytes, prefix, v4, bits) + "?");
      }
    }
    return new Cidr(bytes, prefix, s);
  }

  private static String masked(byte[] bytes, int prefix, boolean v4, int bits) {
    byte[] copy = bytes.clone();
    for (int i = prefix; i < 128; i++) {
      copy[i / 8] &= (byte) ~(0x80 >>> (i % 8));
    }
    String formatted = IpAddresses.format(copy);
    return formatted + "/" + (v4 ? bits : prefix);
  }

  /** Bit {@code i} (0 = most significant) of a 16-byte address. */
  static boolean bit(byte[] address, int i) {
    return (address[i / 8] & (0x80 >>> (i % 8))) != 0;
  }

  /** The network's 16 bytes (a copy). */
  byte[] network() {
    return network.clone();
  }

  /** Prefix length over the 128-bit form. */
  int prefix() {
    return prefix;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && prefix == c.prefix && Arrays.equals(network, c.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  /** The block as written. */
  @Override
  public String toString() {
    return text;
  }
}
