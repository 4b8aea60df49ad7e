package io.cordon.server.config;

import static io.cordon.server.config.ConfigRules.invalid;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cordon.audit.checkpoint.CosignerKey;
import io.cordon.context.CordonException;
import io.cordon.server.config.ConfigLoader.Setting;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One witness of {@code audit.witnesses}: the name and cosigner key it signs with (a verifier key
 * of type 0x04, c2sp.org/tlog-cosignature), the HTTPS submission prefix of its tlog-witness API,
 * and optionally a file holding the API token it requires (Cordon witnesses require one with the
 * {@code witness} scope; the token itself never appears in the configuration). Immutable.
 *
 * @param tokenFile resolved against the data directory
 */
public record WitnessSetting(String name, CosignerKey key, URI url, Optional<Path> tokenFile) {
  /** The most witnesses one installation submits to. */
  public static final int MAX_WITNESSES = 32;

  private static final Set<String> FIELDS = Set.of("name", "key", "url", "token-file");
  private static final YAMLMapper YAML = new YAMLMapper();

  /** Checks that the name is the key's and that the URL is a plain https prefix. */
  public WitnessSetting {
    ConfigKey k = ConfigKeys.AUDIT_WITNESSES;
    if (!key.name().equals(name)) {
      throw invalid(k, "witness '" + name + "': its key is named '" + key.name() + "'");
    }
    boolean plain =
        "https".equals(url.getScheme())
            && url.getHost() != null
            && url.getRawUserInfo() == null
            && url.getRawQuery() == null
            && url.getRawFragment() == null;
    if (!plain) {
      throw invalid(k, "witness '" + name + "': expected an https:// URL, got '" + url + "'");
    }
    java.util.Objects.requireNonNull(tokenFile);
  }

  /** Reads the list; from the environment, the text is YAML (flow style) holding it. */
  static List<WitnessSetting> readAll(ConfigKey key, Setting setting, Path dataDir) {
    JsonNode list = setting.value();
    if (list.isTextual()) {
      try {
        list = YAML.readTree(list.asText());
      } catch (JacksonException e) {
        throw invalid(key, "not valid YAML (from " + setting.origin() + ")");
      }
    }
    if (list == null || !list.isArray()) {
      throw invalid(key, "expected " + key.expected() + " (from " + setting.origin() + ")");
    }
    if (list.size() > MAX_WITNESSES) {
      throw invalid(key, "at most " + MAX_WITNESSES + " witnesses");
    }
    List<WitnessSetting> witnesses = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode item : list) {
      WitnessSetting w = read(key, item, dataDir);
      if (!names.add(w.name())) {
        throw invalid(key, "witness '" + w.name() + "' is listed twice");
      }
      witnesses.add(w);
    }
    return List.copyOf(witnesses);
  }

  private static WitnessSetting read(ConfigKey key, JsonNode item, Path dataDir) {
    if (!item.isObject()) {
      throw invalid(key, "each witness is a map {name, key, url[, token-file]}");
    }
    for (Map.Entry<String, JsonNode> field : item.properties()) {
      if (!FIELDS.contains(field.getKey())) {
        throw invalid(key, "unknown witness field '" + field.getKey() + "'");
      }
    }
    String name = text(key, item, "name");
    CosignerKey cosigner;
    try {
      cosigner = CosignerKey.parse(text(key, item, "key"));
    } catch (CordonException.InvalidInput e) {
      throw invalid(key, "witness '" + name + "': " + e.getMessage());
    }
    URI url;
    try {
      url = new URI(text(key, item, "url"));
    } catch (URISyntaxException e) {
      throw invalid(key, "witness '" + name + "': the url is not a URL");
    }
    Optional<Path> tokenFile = Optional.empty();
    if (item.hasNonNull("token-file")) {
      try {
        tokenFile = Optional.of(dataDir.resolve(text(key, item, "token-file")).normalize());
      } catch (InvalidPathException e) {
        throw invalid(key, "witness '" + name + "': the token-file is not a path");
      }
    }
    return new WitnessSetting(name, cosigner, url, tokenFile);
  }

  private static String text(ConfigKey key, JsonNode item, String field) {
    JsonNode v = item.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw invalid(key, "each witness needs '" + field + "' as text");
    }
    return v.asText().strip();
  }
}
