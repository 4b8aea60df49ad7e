package io.cordon.server.config;

/**
 * The kinds of value a {@link ConfigKey} accepts, each with the phrase that error messages and
 * {@code cordon config describe} use for it. Immutable and thread-safe.
 */
public enum ValueType {
  /** Free text. */
  TEXT("text"),
  /** A file or directory; a relative path resolves against the data directory. */
  PATH("a path"),
  /** A TCP port. */
  PORT("a port number (1..65535)"),
  /** A whole number. */
  COUNT("a whole number"),
  /** A duration written as a number and a unit: {@code 45s}, {@code 30m}, {@code 12h}. */
  DURATION("a duration such as 45s, 30m, 12h or 7d"),
  /** A size in bytes, optionally with a unit: {@code 512MiB}, {@code 10GiB}. */
  SIZE("a size such as 512MiB, 10GiB or 1TiB"),
  /** An ISO-8601 date-based period: {@code P15Y}, {@code P6M}, {@code P30D}. */
  PERIOD("an ISO-8601 period such as P15Y, P6M or P30D"),
  /** A URL or connection string. */
  URL("a URL"),
  /** One of a fixed set of words, listed by the key. */
  CHOICE("one of"),
  /**
   * A YAML list of witnesses, each a map {@code {name, key, url, token-file}} (the environment
   * variable holds the same list in YAML flow style).
   */
  WITNESSES("a list of witnesses, each {name, key, url[, token-file]}"),
  /**
   * A YAML map of zone name to a list of CIDR blocks (the environment variable holds the same map
   * in YAML flow style: {@code {office: [10.0.0.0/8], lab: ["2001:db8::/48"]}}).
   */
  ZONES("a map of zone name to a list of CIDR blocks"),
  /** A YAML list of CIDR blocks or addresses (or, from the environment, a comma-separated list). */
  CIDRS("a list of CIDR blocks");

  private final String phrase;

  ValueType(String phrase) {
    this.phrase = phrase;
  }

  /** How this type is named in messages, e.g. "a port number (1..65535)". */
  public String phrase() {
    return phrase;
  }
}
