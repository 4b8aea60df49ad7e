package io.cordon.server.config;

import static io.cordon.server.config.ConfigRules.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cordon.context.CordonException;
import io.cordon.server.config.ConfigLoader.Setting;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The merged settings (file, then environment, then defaults) of one load, read as typed values.
 * Each reader checks that the key has the type it reads and fails naming the key, where its value
 * came from and what was expected. Range checks are left to the {@link CordonConfig} records.
 */
final class ConfigValues {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern DURATIONS = Pattern.compile("(\\d+(ms|s|m|h|d))+");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");
  private static final String DEFAULT = "the default";

  private final Path dataDir;
  private final Map<String, Setting> settings;

  ConfigValues(Path dataDir, Map<String, Setting> settings) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.settings =
        settings.entrySet().stream()
            .filter(e -> !isBlank(e.getValue().value()))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  Path dataDir() {
    return dataDir;
  }

  boolean isSet(ConfigKey key) {
    return settings.containsKey(key.name());
  }

  Set<String> givenKeys() {
    return settings.keySet();
  }

  Optional<String> text(ConfigKey key) {
    return scalar(key, ValueType.TEXT).map(s -> s.value().asText().strip());
  }

  Optional<Path> path(ConfigKey key) {
    return scalar(key, ValueType.PATH).map(s -> resolve(key, s));
  }

  Optional<URI> uri(ConfigKey key) {
    return scalar(key, ValueType.URL)
        .map(
            s -> {
              try {
                return new URI(s.value().asText().strip());
              } catch (URISyntaxException e) {
                throw mismatch(key, s);
              }
            });
  }

  /** The database URL, with a relative SQLite path resolved against the data directory. */
  String databaseUrl(ConfigKey key) {
    String url = scalar(key, ValueType.URL).orElseThrow().value().asText().strip();
    if (url.startsWith("sqlite:") && url.length() > "sqlite:".length()) {
      Setting s = settings.getOrDefault(key.name(), defaultOf(key).orElseThrow());
      return "sqlite:" + resolve(key, new Setting(TextNode.valueOf(url.substring(7)), s.origin()));
    }
    return url;
  }

  /** A whole number, for {@link ValueType#PORT} and {@link ValueType#COUNT} keys. */
  Optional<Integer> number(ConfigKey key) {
    if (key.type() != ValueType.PORT && key.type() != ValueType.COUNT) {
      throw new IllegalArgumentException(key.name() + " is not a number");
    }
    return scalar(key, key.type()).map(s -> toInt(key, s));
  }

  Optional<Duration> duration(ConfigKey key) {
    return scalar(key, ValueType.DURATION).map(s -> toDuration(key, s));
  }

  Optional<io.cordon.content.RetentionPeriod> period(ConfigKey key) {
    return scalar(key, ValueType.PERIOD)
        .map(
            s -> {
              try {
                return io.cordon.content.RetentionPeriod.parse(s.value().asText());
              } catch (CordonException.InvalidInput e) {
                throw invalid(
                    key,
                    "expected "
                        + key.expected()
                        + " (from "
                        + s.origin()
                        + "), got "
                        + shown(s.value())
                        + ": "
                        + e.getMessage());
              }
            });
  }

  Optional<DataSize> size(ConfigKey key) {
    return scalar(key, ValueType.SIZE)
        .map(
            s -> {
              if (s.value().isIntegralNumber() && s.value().canConvertToLong()) {
                if (s.value().asLong() < 0) {
                  throw mismatch(key, s);
                }
                return new DataSize(s.value().asLong());
              }
              return DataSize.parse(s.value().asText()).orElseThrow(() -> mismatch(key, s));
            });
  }

  /**
   * The witnesses of {@code key}, a YAML list (from the environment, YAML text holding the list).
   */
  java.util.List<WitnessSetting> witnesses(ConfigKey key) {
    if (key.type() != ValueType.WITNESSES) {
      throw new IllegalArgumentException(key.name() + " is not a list of witnesses");
    }
    Setting s = settings.get(key.name());
    return s == null ? java.util.List.of() : WitnessSetting.readAll(key, s, dataDir);
  }

  /** The zone table of {@code key}: a YAML map (from the environment, YAML text holding it). */
  io.cordon.context.NetworkZones zones(ConfigKey key) {
    if (key.type() != ValueType.ZONES) {
      throw new IllegalArgumentException(key.name() + " is not a zone table");
    }
    Setting s = settings.get(key.name());
    if (s == null) {
      return io.cordon.context.NetworkZones.none();
    }
    JsonNode map = structured(key, s);
    if (!map.isObject()) {
      throw mismatch(key, s);
    }
    Map<String, java.util.List<String>> zones = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> zone : map.properties()) {
      zones.put(zone.getKey(), texts(key, s, zone.getValue()));
    }
    try {
      return io.cordon.context.NetworkZones.of(zones);
    } catch (IllegalArgumentException e) {
      throw invalid(key, e.getMessage() + " (from " + s.origin() + ")");
    }
  }

  /** The blocks of {@code key}: a YAML list (from the environment, a comma-separated list). */
  io.cordon.context.TrustedProxies proxies(ConfigKey key) {
    if (key.type() != ValueType.CIDRS) {
      throw new IllegalArgumentException(key.name() + " is not a list of CIDR blocks");
    }
    Setting s = settings.get(key.name());
    if (s == null) {
      return io.cordon.context.TrustedProxies.none();
    }
    java.util.List<String> blocks =
        s.value().isTextual() && !s.value().asText().strip().startsWith("[")
            ? java.util.Arrays.stream(s.value().asText().split(",")).map(String::strip).toList()
            : texts(key, s, structured(key, s));
    try {
      return io.cordon.context.TrustedProxies.of(blocks);
    } catch (IllegalArgumentException e) {
      throw invalid(key, e.getMessage() + " (from " + s.origin() + ")");
    }
  }

  /** A container value as given, or the YAML (flow style) text of an environment variable. */
  private static JsonNode structured(ConfigKey key, Setting s) {
    if (!s.value().isTextual()) {
      return s.value();
    }
    try {
      return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(s.value().asText());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw mismatch(key, s);
    }
  }

  private static java.util.List<String> texts(ConfigKey key, Setting s, JsonNode list) {
    if (!list.isArray()) {
      throw invalid(
          key, "expected " + key.expected() + " (from " + s.origin() + "), got " + shown(list));
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    for (JsonNode item : list) {
      if (!item.isTextual()) {
        throw invalid(key, "expected CIDR blocks as text (from " + s.origin() + "), got " + item);
      }
      out.add(item.asText());
    }
    return out;
  }

  <E extends Enum<E>> E choice(ConfigKey key, Class<E> type) {
    Setting s = scalar(key, ValueType.CHOICE).orElseThrow();
    String word = s.value().asText().strip().toLowerCase(Locale.ROOT);
    if (!key.choices().contains(word)) {
      throw mismatch(key, s);
    }
    return Enum.valueOf(type, word.toUpperCase(Locale.ROOT));
  }

  /** The setting for {@code key}, else its default, else empty; containers are rejected. */
  private Optional<Setting> scalar(ConfigKey key, ValueType type) {
    if (key.type() != type) {
      throw new IllegalArgumentException(key.name() + " is " + key.type() + ", not " + type);
    }
    Optional<Setting> setting = Optional.ofNullable(settings.get(key.name()));
    setting
        .filter(s -> !s.value().isValueNode())
        .ifPresent(
            s -> {
              throw mismatch(key, s);
            });
    return setting.or(() -> defaultOf(key));
  }

  private static Optional<Setting> defaultOf(ConfigKey key) {
    return key.defaultValue().map(d -> new Setting(TextNode.valueOf(d), DEFAULT));
  }

  private Path resolve(ConfigKey key, Setting s) {
    try {
      return dataDir.resolve(s.value().asText().strip()).normalize();
    } catch (InvalidPathException e) {
      throw mismatch(key, s);
    }
  }

  private static int toInt(ConfigKey key, Setting s) {
    JsonNode v = s.value();
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.asInt();
    }
    String text = v.asText().strip();
    if (v.isTextual() && INTEGER.matcher(text).matches()) {
      long parsed = Long.parseLong(text);
      if (parsed == (int) parsed) {
        return (int) parsed;
      }
    }
    throw mismatch(key, s);
  }

  private static Duration toDuration(ConfigKey key, Setting s) {
    String text = s.value().asText().strip();
    if (!s.value().isTextual() || !DURATIONS.matcher(text).matches()) {
      throw mismatch(key, s);
    }
    try {
      Duration total = Duration.ZERO;
      Matcher part = DURATION.matcher(text);
      while (part.find()) {
        long amount = Long.parseLong(part.group(1));
        ChronoUnit unit =
            switch (part.group(2)) {
              case "ms" -> ChronoUnit.MILLIS;
              case "s" -> ChronoUnit.SECONDS;
              case "m" -> ChronoUnit.MINUTES;
              case "h" -> ChronoUnit.HOURS;
              default -> ChronoUnit.DAYS;
            };
        total = total.plus(Duration.of(amount, unit));
      }
      return total;
    } catch (ArithmeticException | NumberFormatException tooLong) {
      throw mismatch(key, s);
    }
  }

  private static CordonException.InvalidInput mismatch(ConfigKey key, Setting s) {
    return invalid(
        key, "expected " + key.expected() + " (from " + s.origin() + "), got " + shown(s.value()));
  }

  private static String shown(JsonNode value) {
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a map";
    }
    String text = value.asText();
    return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
  }

  private static boolean isBlank(JsonNode value) {
    return value.isNull()
        || value.isMissingNode()
        || (value.isTextual() && value.asText().isBlank());
  }
}
