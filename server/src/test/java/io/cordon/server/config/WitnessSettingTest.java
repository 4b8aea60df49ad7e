package io.cordon.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.audit.checkpoint.Ed25519Cosigner;
import io.cordon.audit.checkpoint.Ed25519NoteSigner;
import io.cordon.context.CordonException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WitnessSettingTest {
  private static final Path DATA = Path.of("/srv/cordon-data");
  private static final String NAME = "witness.example/w1";
  private static final String KEY =
      Ed25519Cosigner.fromSeed(NAME, Ed25519Cosigner.generateSeed()).key().encoded();

  private static CordonConfig load(String yaml, Map<String, String> env) {
    return new ConfigLoader(env).parse(DATA, yaml, "cordon.yaml");
  }

  private static String witness(String name, String key, String url) {
    return """
        audit:
          witnesses:
            - name: "%s"
              key: "%s"
              url: "%s"
              token-file: secrets/w1.token
        """
        .formatted(name, key, url);
  }

  @Test
  void parse_witnessList_readsEveryField() {
    CordonConfig config = load(witness(NAME, KEY, "https://w.example/api/v1/witness"), Map.of());

    WitnessSetting w = config.audit().witnesses().getFirst();
    assertThat(w.name()).isEqualTo(NAME);
    assertThat(w.key().encoded()).isEqualTo(KEY);
    assertThat(w.url()).isEqualTo(URI.create("https://w.example/api/v1/witness"));
    assertThat(w.tokenFile()).contains(DATA.resolve("secrets/w1.token"));
    assertThat(config.audit().witnessTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.audit().witnessCa()).isEmpty();
  }

  @Test
  void parse_environmentVariable_isYamlFlowList() {
    String env = "[{name: \"" + NAME + "\", key: \"" + KEY + "\", url: \"https://w.example/\"}]";

    CordonConfig config = load("", Map.of("CORDON_AUDIT_WITNESSES", env));

    assertThat(config.audit().witnesses()).hasSize(1);
    assertThat(config.audit().witnesses().getFirst().tokenFile()).isEqualTo(Optional.empty());
    assertThat(load("", Map.of()).audit().witnesses()).isEmpty();
  }

  @Test
  void parse_badWitnesses_failNamingTheKey() {
    String logKey = Ed25519NoteSigner.generate(NAME).verifierKey().encoded();
    for (String yaml :
        new String[] {
          witness(NAME, logKey, "https://w.example/"),
          witness("other.example/w", KEY, "https://w.example/"),
          witness(NAME, KEY, "http://w.example/"),
          witness(NAME, KEY, "https://user@w.example/"),
          witness(NAME, KEY, "https://w.example/?q=1"),
          witness(NAME, "garbage", "https://w.example/"),
          "audit:\n  witnesses: just text\n",
          "audit:\n  witnesses:\n    - {name: x}\n",
          "audit:\n  witnesses:\n    - {name: x, key: y, url: z, colour: blue}\n",
          witness(NAME, KEY, "https://w.example/")
              + "    - name: \""
              + NAME
              + "\"\n      key: \""
              + KEY
              + "\"\n      url: https://w2.example/\n",
        }) {
      assertThatThrownBy(() -> load(yaml, Map.of()))
          .as(yaml)
          .isInstanceOf(CordonException.InvalidInput.class)
          .hasMessageStartingWith("audit.witnesses: ");
    }
    assertThatThrownBy(() -> load("audit:\n  witness-timeout: 0s\n", Map.of()))
        .hasMessageStartingWith("audit.witness-timeout: ");
  }
}
