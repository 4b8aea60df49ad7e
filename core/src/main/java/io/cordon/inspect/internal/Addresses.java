package io.cordon.inspect.internal;

import io.cordon.inspect.EntityType;

/**
 * Network and contact addresses: IPv4 and IPv6 (RFC 4291 text forms, with an optional CIDR suffix),
 * e-mail addresses (RFC 5321 dot-atoms with a DNS domain), and phone numbers written with a leading
 * {@code +} or an area code in parentheses. Stateless; thread-safe.
 */
final class Addresses {
  private static final Context.Words IP_WORDS =
      Context.words("ip", "address", "host", "server", "addr");
  private static final Context.Words VERSION_WORDS =
      Context.words("version", "ver", "v", "release");
  private static final Context.Words PHONE_WORDS =
      Context.words("phone", "tel", "mobile", "cell", "fax", "call");

  private Addresses() {}

  static void ipv4(Text t, int i, int limit, Match m) {
    int p = i;
    for (int part = 0; part < 4; part++) {
      int e = t.digitsEnd(p, Math.min(limit, p + 4));
      if (e == p || e - p > 3 || t.digitsValue(p, e) > 255) {
        return;
      }
      if (e - p > 1 && t.charAt(p) == '0') {
        return;
      }
      p = e;
      if (part < 3) {
        if (t.charAt(p) != '.') {
          return;
        }
        p++;
      }
    }
    p = cidr(t, p, 32);
    // 3.2.1.4-SNAPSHOT, version 1.2.3.4: a version number, not an address.
    if (t.charAt(p) == '-' && t.isLetter(p + 1) || Context.before(t, i, 16, VERSION_WORDS)) {
      return;
    }
    if (!t.isAlnum(p) && !(t.charAt(p) == '.' && t.isDigit(p + 1))) {
      boolean context = Context.before(t, i, Context.NEAR, IP_WORDS);
      m.offer(EntityType.IP_ADDRESS, i, p, context ? 0.95 : 0.8);
    }
  }

  private static int cidr(Text t, int p, int max) {
    if (t.charAt(p) == '/' && t.isDigit(p + 1)) {
      int e = t.digitsEnd(p + 1, p + 4);
      if (e - p - 1 <= 3 && t.digitsValue(p + 1, e) <= max) {
        return e;
      }
    }
    return p;
  }

  private static int hexEnd(Text t, int p, int max) {
    int e = p;
    while (e < p + max + 1 && Character.digit(t.charAt(e), 16) >= 0) {
      e++;
    }
    return e;
  }

  /** IPv6 in its text forms: eight groups, one {@code ::} compression, an IPv4 tail. */
  static void ipv6(Text t, int i, int limit, Match m) {
    int p = i;
    int groups = 0;
    boolean compressed = false;
    if (t.startsWith(p, "::")) {
      compressed = true;
      p += 2;
    }
    while (groups < 8 && p < limit) {
      int e = hexEnd(t, p, 4);
      if (e == p) {
        break;
      }
      if (e - p > 4) {
        return;
      }
      if (t.charAt(e) == '.' && groups <= 6) {
        Match v4 = new Match();
        ipv4(t, p, limit, v4);
        if (v4.found() && v4.type == EntityType.IP_ADDRESS) {
          groups += 2;
          p = v4.end;
          break;
        }
      }
      groups++;
      p = e;
      if (t.charAt(p) == ':' && t.charAt(p + 1) == ':' && !compressed) {
        compressed = true;
        p += 2;
      } else if (t.charAt(p) == ':' && Character.digit(t.charAt(p + 1), 16) >= 0) {
        p++;
      } else {
        break;
      }
    }
    boolean valid = compressed ? groups <= 7 && (groups > 0 || p == i + 2) : groups == 8;
    if (!valid || t.isAlnum(p) || p - i < 3) {
      return;
    }
    p = cidr(t, p, 128);
    if (groups < 3 && !compressed) {
      return;
    }
    boolean context = Context.before(t, i, Context.NEAR, IP_WORDS);
    m.offer(EntityType.IP_ADDRESS, i, p, context || groups >= 3 ? 0.9 : 0.6);
  }

  private static boolean localChar(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '.'
        || c == '_'
        || c == '%'
        || c == '+'
        || c == '-';
  }

  static void email(Text t, int i, int limit, Match m) {
    int p = i;
    int max = Math.min(limit, i + 65);
    while (p < max && localChar(t.charAt(p))) {
      p++;
    }
    if (t.charAt(p) != '@' || p == i) {
      return;
    }
    int q = p + 1;
    int labels = 0;
    int lastLabel = q;
    int end = -1;
    while (q < limit && labels < 10) {
      int e = q;
      while (e < limit && e - q <= 63 && (t.isAlnum(e) || t.charAt(e) == '-')) {
        e++;
      }
      if (e == q) {
        break;
      }
      labels++;
      lastLabel = q;
      end = e;
      if (t.charAt(e) == '.' && t.isAlnum(e + 1)) {
        q = e + 1;
      } else {
        break;
      }
    }
    if (labels < 2 || end < 0) {
      return;
    }
    boolean tld = t.startsWith(lastLabel, "xn--");
    if (!tld) {
      tld = end - lastLabel >= 2;
      for (int k = lastLabel; k < end; k++) {
        tld &= t.isLetter(k);
      }
    }
    if (tld) {
      m.offer(EntityType.EMAIL_ADDRESS, i, end, 0.95);
    }
  }

  /** A phone number written internationally: {@code +CC} then groups, {@code (0)} allowed. */
  static void plusPhone(Text t, int i, int limit, Match m) {
    int p = i + 1;
    int digits = 0;
    int end = -1;
    int max = Math.min(limit, i + 32);
    while (p < max) {
      char c = t.charAt(p);
      if (c >= '0' && c <= '9') {
        digits++;
        p++;
        end = p;
      } else if ((c == ' ' || c == '-' || c == '.')
          && (t.isDigit(p + 1) || t.charAt(p + 1) == '(')) {
        p++;
      } else if (c == '(' && t.isDigit(p + 1)) {
        int e = t.digitsEnd(p + 1, p + 5);
        if (t.charAt(e) != ')') {
          break;
        }
        digits += e - p - 1;
        p = e + 1;
        end = p;
      } else {
        break;
      }
    }
    if (end > 0 && digits >= 8 && digits <= 15 && Numbers.cleanEnd(t, end)) {
      m.offer(EntityType.PHONE_NUMBER, i, end, 0.8);
    }
  }

  /** {@code (415) 555-0132}, {@code (37) 788-063}: an area code in parentheses, then groups. */
  static void parenPhone(Text t, int i, int limit, Match m) {
    int e = t.digitsEnd(i + 1, i + 6);
    int area = e - i - 1;
    if (area < 2 || area > 4 || t.charAt(e) != ')') {
      return;
    }
    int p = e + 1;
    if (t.charAt(p) == ' ') {
      p++;
    }
    Groups g = new Groups();
    g.parse(t, p, limit);
    if (!t.isDigit(p) || g.count > 3 || g.sep == '.' && g.count > 1) {
      return;
    }
    int digits = area + g.digits(g.count);
    int end = g.end(g.count);
    if (digits < 7 || digits > 12 || !Numbers.cleanEnd(t, end)) {
      return;
    }
    boolean us = area == 3 && g.shape(3, 4);
    boolean context = Context.before(t, i, Context.NEAR, PHONE_WORDS);
    m.offer(EntityType.PHONE_NUMBER, i, end, us || context ? 0.85 : 0.6);
  }
}
