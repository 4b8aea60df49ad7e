package io.cordon.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import io.cordon.inspect.ExtractionLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code inspect.*}: safe defaults, file and environment, bad values stop start-up by name. */
class InspectConfigTest {
  private static final Path DATA = Path.of("/srv/cordon-data");

  private static CordonConfig load(String yaml, Map<String, String> env) {
    return new ConfigLoader(env).parse(DATA, yaml, "cordon.yaml");
  }

  @Test
  void parse_unset_defaults() {
    CordonConfig.Inspect inspect = load("", Map.of()).inspect();
    assertThat(inspect.limits()).isEqualTo(ExtractionLimits.defaults());
    assertThat(inspect.workers()).isEqualTo(2);
    assertThat(inspect.queue()).isEqualTo(64);
  }

  @Test
  void parse_everyKey_fromFileAndEnvironment() {
    CordonConfig.Inspect inspect =
        load(
                """
            inspect:
              max-bytes: 512MiB
              max-chars: 5000000
              timeout: 45s
              max-depth: 3
              max-compression-ratio: 50
              max-entries: 200
            """,
                Map.of("CORDON_INSPECT_WORKERS", "4"))
            .inspect();
    assertThat(inspect.limits())
        .isEqualTo(new ExtractionLimits(512L << 20, 5_000_000, Duration.ofSeconds(45), 3, 50, 200));
    assertThat(inspect.workers()).isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "max-bytes: 0",
        "max-chars: 0",
        "timeout: 0s",
        "max-depth: 0",
        "max-compression-ratio: -1",
        "max-entries: 0",
        "workers: 0"
      })
  void parse_nonPositive_failsNamingTheKey(String setting) {
    String key = "inspect." + setting.substring(0, setting.indexOf(':'));
    assertThatThrownBy(() -> load("inspect:\n  " + setting + "\n", Map.of()))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining(key);
  }

  @Test
  void describe_listsEveryKey() {
    assertThat(ConfigKeys.describe())
        .contains("inspect.max-bytes")
        .contains("inspect.max-chars")
        .contains("inspect.timeout")
        .contains("inspect.max-depth")
        .contains("inspect.max-compression-ratio")
        .contains("inspect.max-entries")
        .contains("inspect.workers");
  }
}
