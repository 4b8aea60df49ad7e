package io.cordon.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.content.RetentionPeriod;
import io.cordon.context.CordonException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code content.retention-default}: none keeps forever; a bad period stops start-up by name. */
class RetentionConfigTest {
  private static final Path DATA = Path.of("/srv/cordon-data");

  private static CordonConfig load(String yaml, Map<String, String> env) {
    return new ConfigLoader(env).parse(DATA, yaml, "cordon.yaml");
  }

  @Test
  void parse_unset_keepsForever() {
    assertThat(load("", Map.of()).content().retentionDefault()).isEmpty();
  }

  @Test
  void parse_fileAndEnvironment_environmentWins() {
    CordonConfig config =
        load(
            "content:\n  retention-default: P10Y\n",
            Map.of("CORDON_CONTENT_RETENTION_DEFAULT", "P15Y"));
    assertThat(config.content().retentionDefault()).contains(RetentionPeriod.parse("P15Y"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"P-1Y", "P0D", "PT1H", "P999Y", "15y", "P99999999999Y", "[P1Y]"})
  void parse_badPeriod_failsNamingTheKey(String value) {
    assertThatThrownBy(() -> load("content:\n  retention-default: " + value + "\n", Map.of()))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("content.retention-default");
  }

  @Test
  void describe_listsTheKey() {
    assertThat(ConfigKeys.describe()).contains("content.retention-default", "kept forever");
  }
}
