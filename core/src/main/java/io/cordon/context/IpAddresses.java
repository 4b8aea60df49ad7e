package io.cordon.context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses textual IP addresses without ever resolving a name (a forwarded header or a configuration
 * value must not make Cordon query DNS). IPv4 addresses become IPv4-mapped IPv6 addresses ({@code
 * ::ffff:a.b.c.d}), so one 128-bit table serves both families. Stateless and thread-safe.
 */
public final class IpAddresses {
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private IpAddresses() {}

  /** The 16 bytes of a literal IPv4 or IPv6 address, or empty when it is not one. */
  public static Optional<byte[]> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    try {
      if (IPV4.matcher(s).matches()) {
        byte[] v4 = InetAddress.getByName(s).getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4, 0, mapped, 12, 4);
        return Optional.of(mapped);
      }
      // The pattern admits only hex digits, colons and dots, so getByName parses a literal and
      // never looks a name up; it also rejects zone ids, which have no meaning across hosts.
      if (s.indexOf(':') >= 0 && IPV6.matcher(s).matches()) {
        byte[] raw = InetAddress.getByName(s).getAddress();
        if (raw.length == 4) {
          return parse(InetAddress.getByAddress(raw).getHostAddress());
        }
        return Optional.of(raw);
      }
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The canonical text of a parsed address: dotted IPv4 for mapped addresses, else IPv6. */
  public static String format(byte[] address) {
    boolean mapped = true;
    for (int i = 0; i < 10; i++) {
      mapped &= address[i] == 0;
    }
    mapped &= address[10] == (byte) 0xff && address[11] == (byte) 0xff;
    try {
      if (mapped) {
        byte[] v4 = new byte[4];
        System.arraycopy(address, 12, v4, 0, 4);
        return InetAddress.getByAddress(v4).getHostAddress();
      }
      return rfc5952(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address of 16 bytes", e);
    }
  }

  /**
   * The RFC 5952 text of an IPv6 address (lower case, no leading zeros, the longest run of two or
   * more zero groups as {@code ::}), so one address is always written one way in audit events.
   */
  private static String rfc5952(byte[] a) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  /** The canonical text of an address, or empty when {@code text} is not a literal address. */
  public static Optional<String> canonical(String text) {
    return parse(text).map(IpAddresses::format);
  }
}
