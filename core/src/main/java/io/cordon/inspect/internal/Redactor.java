package io.cordon.inspect.internal;

import io.cordon.inspect.EntityType;

/**
 * Redacted samples of found values: enough to recognise a value one already knows (the last four
 * digits of a card or SSN, a name's initials, an e-mail's domain), never enough to recover it.
 * Secrets show only their public prefix. Stateless; thread-safe.
 */
public final class Redactor {
  private Redactor() {}

  public static String redact(EntityType type, String value) {
    return switch (type.name()) {
      case "PASSWORD" -> "********";
      case "PRIVATE_KEY" -> {
        int nl = value.indexOf("-----", 5);
        yield nl > 0 ? value.substring(0, nl + 5) + " ****" : "-----BEGIN ****";
      }
      case "API_KEY" -> prefix(value, Math.min(4, value.length() / 4));
      case "PERSON" -> initials(value);
      case "EMAIL_ADDRESS" -> {
        int at = value.indexOf('@');
        yield at > 0 ? value.charAt(0) + "***" + value.substring(at) : mask(value, 0);
      }
      case "CONFIDENTIAL_MARKING" -> value;
      case "DATE_OF_BIRTH" -> mask(value, 0);
      default -> mask(value, alnum(value) >= 8 ? 4 : alnum(value) >= 6 ? 2 : 0);
    };
  }

  private static int alnum(String v) {
    int n = 0;
    for (int i = 0; i < v.length(); i++) {
      if (Character.isLetterOrDigit(v.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /** Letters and digits become {@code *} except the last {@code keep}; separators stay. */
  static String mask(String v, int keep) {
    StringBuilder b = new StringBuilder(v.length());
    int seen = alnum(v);
    int k = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(k++ >= seen - keep ? c : '*');
      } else {
        b.append(c == '\n' || c == '\r' ? ' ' : c);
      }
    }
    return b.toString();
  }

  private static String prefix(String v, int keep) {
    int cut = Math.max(0, Math.min(keep, v.length()));
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) == '_' || v.charAt(i) == '-') {
        cut = Math.max(cut, Math.min(i + 1, v.length() / 2));
        break;
      }
    }
    return v.substring(0, cut) + "*".repeat(Math.max(4, Math.min(12, v.length() - cut)));
  }

  private static String initials(String v) {
    StringBuilder b = new StringBuilder();
    boolean start = true;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isLetter(c)) {
        b.append(start ? c : '*');
        start = false;
      } else {
        b.append(c);
        start = true;
      }
    }
    return b.toString();
  }
}
