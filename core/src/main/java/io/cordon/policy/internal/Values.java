package io.cordon.policy.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the literal values of policy documents into the units {@link Facts} stores. */
final class Values {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(s|m|h|d)");
  private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)");

  private Values() {}

  /** Thrown for a value that does not fit its attribute; the parser adds the line. */
  static final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;

    BadValue(String message) {
      super(message, null, false, false);
    }
  }

  static long parse(Attribute a, String raw) throws BadValue {
    String v = raw.trim();
    switch (a.kind()) {
      case BOOL -> {
        if (v.equals("true")) {
          return 1;
        }
        if (v.equals("false")) {
          return 0;
        }
        throw new BadValue(a.path() + " is true or false, not '" + raw + "'");
      }
      case CHOICE, CHOICE_SET -> {
        int i = a.indexOf(v);
        if (i < 0) {
          throw new BadValue(
              "'" + raw + "' is not a value of " + a.path() + " (one of " + a.domain() + ")");
        }
        return i;
      }
      case NUMBER -> {
        try {
          return new BigDecimal(v)
              .movePointRight(6)
              .setScale(0, java.math.RoundingMode.HALF_UP)
              .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
          throw new BadValue(a.path() + " needs a number, not '" + raw + "'");
        }
      }
      case DURATION -> {
        Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
          throw new BadValue(
              a.path() + " needs a duration such as 90s, 15m, 12h or 7d, not '" + raw + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "s" -> n;
          case "m" -> n * 60;
          case "h" -> n * 3600;
          default -> n * 86400;
        };
      }
      case TIME -> {
        Matcher m = TIME.matcher(v);
        if (!m.matches()) {
          throw new BadValue(a.path() + " needs a time of day HH:mm, not '" + raw + "'");
        }
        return Integer.parseInt(m.group(1)) * 60L + Integer.parseInt(m.group(2));
      }
      default -> throw new BadValue(a.path() + " takes text values");
    }
  }

  static String maskText(Attribute a, long mask) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < a.domain().size(); i++) {
      if ((mask & (1L << i)) != 0) {
        b.append(b.length() > 1 ? ", " : "").append(a.domain().get(i));
      }
    }
    return b.append(']').toString();
  }
}
