package io.cordon.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderIT {
  @TempDir Path data;

  private final ConfigLoader loader = new ConfigLoader(Map.of());

  @Test
  void load_noFileInDataDir_givesDefaults() {
    assertThat(loader.load(data, Optional.empty()).http().port()).isEqualTo(8443);
  }

  @Test
  void load_fileInDataDir_isReadByDefault() throws IOException {
    Files.writeString(data.resolve("cordon.yaml"), "http:\n  port: 9443\n");

    assertThat(loader.load(data, Optional.empty()).http().port()).isEqualTo(9443);
  }

  @Test
  void load_explicitFile_isReadInsteadOfTheDefault() throws IOException {
    Files.writeString(data.resolve("cordon.yaml"), "http.port: 9443\n");
    Path other = Files.writeString(data.resolve("other.yaml"), "http.port: 9444\n");

    assertThat(loader.load(data, Optional.of(other)).http().port()).isEqualTo(9444);
  }

  @Test
  void load_explicitFileMissing_failsNamingIt() {
    Path missing = data.resolve("nope.yaml");

    assertThatThrownBy(() -> loader.load(data, Optional.of(missing)))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessage("configuration file not found: " + missing);
  }

  @Test
  void load_unknownKeyInFile_namesTheFile() throws IOException {
    Path file = Files.writeString(data.resolve("cordon.yaml"), "htp.port: 1\n");

    assertThatThrownBy(() -> loader.load(data, Optional.empty()))
        .hasMessageStartingWith(file + ": unknown configuration key 'htp.port'");
  }
}
