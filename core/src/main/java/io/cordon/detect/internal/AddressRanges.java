package io.cordon.detect.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * IPv4 CIDR ranges (known VPN egress) and a membership test over dotted-quad literals. No DNS:
 * anything that is not a literal IPv4 address is simply not in a range.
 */
public final class AddressRanges {
  private final long[] bases;
  private final long[] masks;

  public AddressRanges(List<String> cidrs) {
    List<long[]> parsed = new ArrayList<>();
    for (String c : cidrs) {
      int slash = c.indexOf('/');
      long base = ipv4(slash < 0 ? c : c.substring(0, slash));
      int bits = slash < 0 ? 32 : Integer.parseInt(c.substring(slash + 1).strip());
      if (base < 0 || bits < 0 || bits > 32) {
        throw new IllegalArgumentException("not an IPv4 CIDR range: " + c);
      }
      long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
      parsed.add(new long[] {base & mask, mask});
    }
    bases = new long[parsed.size()];
    masks = new long[parsed.size()];
    for (int i = 0; i < parsed.size(); i++) {
      bases[i] = parsed.get(i)[0];
      masks[i] = parsed.get(i)[1];
    }
  }

  public boolean contains(String ip) {
    if (bases.length == 0 || ip == null) {
      return false;
    }
    long a = ipv4(ip);
    if (a < 0) {
      return false;
    }
    for (int i = 0; i < bases.length; i++) {
      if ((a & masks[i]) == bases[i]) {
        return true;
      }
    }
    return false;
  }

  /** A dotted-quad as an unsigned 32-bit value, or -1. */
  static long ipv4(String s) {
    long v = 0;
    int part = 0;
    int digits = 0;
    int octets = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '.';
      if (c == '.') {
        if (digits == 0 || part > 255 || ++octets > 4) {
          return -1;
        }
        v = (v << 8) | part;
        part = 0;
        digits = 0;
      } else if (c >= '0' && c <= '9' && digits < 3) {
        part = part * 10 + (c - '0');
        digits++;
      } else {
        return -1;
      }
    }
    return octets == 4 ? v : -1;
  }
}
