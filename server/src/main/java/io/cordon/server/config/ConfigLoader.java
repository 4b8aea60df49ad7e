package io.cordon.server.config;

import static io.cordon.server.config.ConfigKeys.ALL;
import static io.cordon.server.config.ConfigKeys.AUDIT_CHECKPOINT_INTERVAL;
import static io.cordon.server.config.ConfigKeys.AUDIT_PAGE_LIMIT;
import static io.cordon.server.config.ConfigKeys.AUDIT_WITNESSES;
import static io.cordon.server.config.ConfigKeys.AUDIT_WITNESS_CA;
import static io.cordon.server.config.ConfigKeys.AUDIT_WITNESS_TIMEOUT;
import static io.cordon.server.config.ConfigKeys.BLOBS_DIR;
import static io.cordon.server.config.ConfigKeys.BLOBS_S3_BUCKET;
import static io.cordon.server.config.ConfigKeys.BLOBS_S3_ENDPOINT;
import static io.cordon.server.config.ConfigKeys.BLOBS_S3_REGION;
import static io.cordon.server.config.ConfigKeys.DB_URL;
import static io.cordon.server.config.ConfigKeys.GEOIP_MMDB;
import static io.cordon.server.config.ConfigKeys.HTTP_BIND;
import static io.cordon.server.config.ConfigKeys.HTTP_PORT;
import static io.cordon.server.config.ConfigKeys.KEYS_PKCS11_LIBRARY;
import static io.cordon.server.config.ConfigKeys.KEYS_PKCS11_PIN_FILE;
import static io.cordon.server.config.ConfigKeys.KEYS_PKCS11_SLOT;
import static io.cordon.server.config.ConfigKeys.KEYS_VAULT;
import static io.cordon.server.config.ConfigKeys.LOGIN_LOCKOUT;
import static io.cordon.server.config.ConfigKeys.LOGIN_MAX_FAILURES;
import static io.cordon.server.config.ConfigKeys.POLICY_DIR;
import static io.cordon.server.config.ConfigKeys.SESSION_ABSOLUTE_TIMEOUT;
import static io.cordon.server.config.ConfigKeys.SESSION_IDLE_TIMEOUT;
import static io.cordon.server.config.ConfigKeys.SFTP_PORT;
import static io.cordon.server.config.ConfigKeys.SIEM_SYSLOG_FORMAT;
import static io.cordon.server.config.ConfigKeys.SIEM_SYSLOG_URL;
import static io.cordon.server.config.ConfigKeys.SMTP_FROM;
import static io.cordon.server.config.ConfigKeys.SMTP_HOST;
import static io.cordon.server.config.ConfigKeys.SMTP_PORT;
import static io.cordon.server.config.ConfigKeys.TLS_CERT;
import static io.cordon.server.config.ConfigKeys.TLS_KEY;
import static io.cordon.server.config.ConfigKeys.UPLOAD_MAX_BYTES;
import static io.cordon.server.config.ConfigKeys.UPLOAD_RESUMABLE_LIFETIME;
import static io.cordon.server.config.ConfigKeys.closest;
import static io.cordon.server.config.ConfigKeys.find;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cordon.context.CordonException;
import io.cordon.inspect.ExtractionLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads {@link CordonConfig} from a YAML file and environment overrides. Nested maps in the file
 * flatten to dotted keys; an unknown key is an error that names it and the closest known key. The
 * environment variable of a key ({@link ConfigKey#envName()}) wins over the file; other {@code
 * CORDON_*} variables (such as the secret {@code CORDON_PASSPHRASE}) are ignored, as are empty
 * ones. A blank value in the file also means "not set". The environment is injected so that tests
 * never read the real one. Thread-safe: a loader holds only its immutable environment map.
 */
public final class ConfigLoader {
  /** The file read when no {@code --config} is given, inside the data directory. */
  public static final String DEFAULT_FILE_NAME = "cordon.yaml";

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final Map<String, String> environment;

  /** A loader that reads overrides from {@code environment} (usually {@code System.getenv()}). */
  public ConfigLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Loads the configuration for a data directory.
   *
   * @param configFile the {@code --config} file, which must exist; when empty, {@code
   *     DATA/cordon.yaml} is read if it exists
   * @throws CordonException.InvalidInput naming the file or key that is wrong
   */
  public CordonConfig load(Path dataDir, Optional<Path> configFile) {
    Path file = configFile.orElse(dataDir.resolve(DEFAULT_FILE_NAME));
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (NoSuchFileException e) {
      if (configFile.isPresent()) {
        throw new CordonException.InvalidInput("configuration file not found: " + file);
      }
      yaml = "";
    } catch (IOException e) {
      throw new CordonException.InvalidInput("cannot read configuration file " + file + ": " + e);
    }
    return parse(dataDir, yaml, file.toString());
  }

  /**
   * Loads the configuration from YAML text (no file access).
   *
   * @param origin where the text came from, for messages (usually the file name)
   */
  public CordonConfig parse(Path dataDir, String yaml, String origin) {
    Map<String, Setting> settings = new LinkedHashMap<>(readFile(yaml, origin));
    for (ConfigKey key : ALL) {
      String value = environment.get(key.envName());
      if (value != null && !value.isBlank()) {
        settings.put(
            key.name(),
            new Setting(TextNode.valueOf(value), "environment variable " + key.envName()));
      }
    }
    CordonConfig config = build(new ConfigValues(dataDir, settings));
    if (config.blobs().s3().isPresent()) {
      throw new CordonException.InvalidInput(
          "S3 blob storage is not available in this build yet (blobs.s3.* is set); use blobs.dir");
    }
    return config;
  }

  private static CordonConfig build(ConfigValues v) {
    boolean s3 = v.isSet(BLOBS_S3_ENDPOINT) || v.isSet(BLOBS_S3_BUCKET) || v.isSet(BLOBS_S3_REGION);
    return new CordonConfig(
        v.dataDir(),
        new CordonConfig.Db(v.databaseUrl(DB_URL)),
        new CordonConfig.Blobs(
            v.path(BLOBS_DIR).orElseThrow(),
            s3
                ? Optional.of(
                    new CordonConfig.S3(
                        v.uri(BLOBS_S3_ENDPOINT), v.text(BLOBS_S3_BUCKET), v.text(BLOBS_S3_REGION)))
                : Optional.empty()),
        new CordonConfig.Keys(
            v.choice(KEYS_VAULT, CordonConfig.Vault.class),
            new CordonConfig.Pkcs11(
                v.path(KEYS_PKCS11_LIBRARY),
                v.number(KEYS_PKCS11_SLOT),
                v.path(KEYS_PKCS11_PIN_FILE))),
        new CordonConfig.Http(v.number(HTTP_PORT).orElseThrow(), v.text(HTTP_BIND).orElseThrow()),
        new CordonConfig.Tls(v.path(TLS_CERT), v.path(TLS_KEY)),
        new CordonConfig.Sftp(v.number(SFTP_PORT)),
        new CordonConfig.Siem(
            v.uri(SIEM_SYSLOG_URL), v.choice(SIEM_SYSLOG_FORMAT, CordonConfig.SyslogFormat.class)),
        new CordonConfig.Smtp(
            v.text(SMTP_HOST), v.number(SMTP_PORT).orElseThrow(), v.text(SMTP_FROM)),
        new CordonConfig.Geoip(v.path(GEOIP_MMDB)),
        new CordonConfig.Policy(v.path(POLICY_DIR)),
        new CordonConfig.Session(
            v.duration(SESSION_IDLE_TIMEOUT).orElseThrow(),
            v.duration(SESSION_ABSOLUTE_TIMEOUT).orElseThrow()),
        new CordonConfig.Login(
            v.number(LOGIN_MAX_FAILURES).orElseThrow(), v.duration(LOGIN_LOCKOUT).orElseThrow()),
        new CordonConfig.Upload(
            v.size(UPLOAD_MAX_BYTES).orElseThrow(),
            v.duration(UPLOAD_RESUMABLE_LIFETIME).orElseThrow()),
        new CordonConfig.Audit(
            v.number(AUDIT_PAGE_LIMIT).orElseThrow(),
            v.duration(AUDIT_CHECKPOINT_INTERVAL).orElseThrow(),
            v.witnesses(AUDIT_WITNESSES),
            v.path(AUDIT_WITNESS_CA),
            v.duration(AUDIT_WITNESS_TIMEOUT).orElseThrow()),
        new CordonConfig.Content(v.period(ConfigKeys.CONTENT_RETENTION_DEFAULT)),
        new CordonConfig.Webauthn(
            v.text(ConfigKeys.WEBAUTHN_RP_ID),
            words(v.text(ConfigKeys.WEBAUTHN_ORIGINS)),
            v.duration(ConfigKeys.WEBAUTHN_CHALLENGE_TTL).orElseThrow()),
        new CordonConfig.Mfa(java.util.Set.copyOf(words(v.text(ConfigKeys.MFA_REQUIRED_ROLES)))),
        new CordonConfig.Network(
            v.zones(ConfigKeys.NETWORK_ZONES),
            v.proxies(ConfigKeys.HTTP_TRUSTED_PROXIES),
            v.duration(ConfigKeys.DEVICE_COOKIE_LIFETIME).orElseThrow()),
        new CordonConfig.Sharing(
            v.text(ConfigKeys.SHARING_ALLOWED_DOMAINS)
                .map(
                    t ->
                        java.util.Arrays.stream(t.split(","))
                            .map(d -> d.strip().toLowerCase(java.util.Locale.ROOT))
                            .filter(d -> !d.isEmpty())
                            .toList())
                .orElse(List.of()),
            v.duration(ConfigKeys.SHARING_INVITATION_TTL).orElseThrow(),
            v.uri(ConfigKeys.SHARING_LINK_BASE).map(java.net.URI::toString)),
        inspect(v),
        v.givenKeys());
  }

  private static CordonConfig.Inspect inspect(ConfigValues v) {
    long maxBytes = v.size(ConfigKeys.INSPECT_MAX_BYTES).orElseThrow().bytes();
    if (maxBytes < 1) {
      throw ConfigRules.invalid(ConfigKeys.INSPECT_MAX_BYTES, "expected a size above zero");
    }
    ExtractionLimits limits =
        new ExtractionLimits(
            maxBytes,
            atLeastOne(v, ConfigKeys.INSPECT_MAX_CHARS),
            ConfigRules.positive(
                ConfigKeys.INSPECT_TIMEOUT, v.duration(ConfigKeys.INSPECT_TIMEOUT).orElseThrow()),
            atLeastOne(v, ConfigKeys.INSPECT_MAX_DEPTH),
            atLeastOne(v, ConfigKeys.INSPECT_MAX_COMPRESSION_RATIO),
            atLeastOne(v, ConfigKeys.INSPECT_MAX_ENTRIES));
    return new CordonConfig.Inspect(
        limits,
        v.number(ConfigKeys.INSPECT_WORKERS).orElseThrow(),
        v.duration(ConfigKeys.INSPECT_LEASE).orElseThrow(),
        v.number(ConfigKeys.INSPECT_MAX_ATTEMPTS).orElseThrow(),
        v.text(ConfigKeys.MALWARE_CLAMD),
        v.duration(ConfigKeys.MALWARE_TIMEOUT).orElseThrow());
  }

  private static int atLeastOne(ConfigValues v, ConfigKey key) {
    return ConfigRules.between(key, v.number(key).orElseThrow(), 1, Integer.MAX_VALUE);
  }

  /** A comma-separated list, trimmed, without empty entries. */
  private static List<String> words(Optional<String> text) {
    return text.map(
            t ->
                java.util.Arrays.stream(t.split(","))
                    .map(String::strip)
                    .filter(w -> !w.isEmpty())
                    .toList())
        .orElse(List.of());
  }

  /** Parses the file and flattens it to dotted keys, rejecting unknown and repeated ones. */
  private static Map<String, Setting> readFile(String yaml, String origin) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JacksonException e) {
      throw new CordonException.InvalidInput(
          origin + ": not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    Map<String, Setting> flat = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return flat;
    }
    if (!root.isObject()) {
      throw new CordonException.InvalidInput(origin + ": expected a map of settings at the top");
    }
    flatten("", root, origin, flat);
    List<String> unknown = new ArrayList<>();
    for (String name : flat.keySet()) {
      if (find(name).isEmpty()) {
        unknown.add("'" + name + "' (did you mean '" + closest(name).name() + "'?)");
      }
    }
    if (!unknown.isEmpty()) {
      throw new CordonException.InvalidInput(
          origin
              + ": unknown configuration key "
              + String.join(", ", unknown)
              + "; cordon config describe lists every key");
    }
    return flat;
  }

  private static void flatten(
      String prefix, JsonNode node, String origin, Map<String, Setting> out) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = prefix + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject() && !name.equals(ConfigKeys.NETWORK_ZONES.name())) {
        flatten(name + ".", value, origin, out);
      } else if (out.put(name, new Setting(value, origin)) != null) {
        throw new CordonException.InvalidInput(origin + ": " + name + " is given twice");
      }
    }
  }

  /** One value as given, with where it came from for messages. */
  record Setting(JsonNode value, String origin) {}
}
