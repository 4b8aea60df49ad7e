package io.cordon.server.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration key: its dotted name, the type of value it takes, its default (absent when the
 * setting is off unless given) and what it means. Every key can be given in the YAML file (nested
 * maps flatten to dotted names) or as the environment variable {@link #envName()}.
 *
 * @param name dotted lower-case name, e.g. {@code keys.pkcs11.pin-file}
 * @param type the kind of value
 * @param defaultValue the default in the same text form a user would write, or empty
 * @param meaning one line for {@code cordon config describe}
 * @param choices the accepted words when {@code type} is {@link ValueType#CHOICE}, else empty
 */
public record ConfigKey(
    String name,
    ValueType type,
    Optional<String> defaultValue,
    String meaning,
    List<String> choices) {

  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

  /** Checks the name's shape and that choices are given exactly for {@link ValueType#CHOICE}. */
  public ConfigKey {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad configuration key name: " + name);
    }
    choices = List.copyOf(choices);
    if ((type == ValueType.CHOICE) == choices.isEmpty()) {
      throw new IllegalArgumentException(name + ": choices go with CHOICE keys and only with them");
    }
    if (meaning.isBlank()) {
      throw new IllegalArgumentException(name + ": a key needs a meaning");
    }
  }

  /**
   * The environment variable that overrides this key: {@code CORDON_} and the name upper-cased with
   * dots and dashes as underscores ({@code db.url} is {@code CORDON_DB_URL}).
   */
  public String envName() {
    return "CORDON_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** What a value must look like, for error messages: "a duration such as 45s, …". */
  public String expected() {
    return type == ValueType.CHOICE
        ? type.phrase() + " " + String.join(", ", choices)
        : type.phrase();
  }
}
