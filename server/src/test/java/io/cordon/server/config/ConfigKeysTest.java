package io.cordon.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigKeysTest {

  @Test
  void describe_always_listsEveryKeyWithDefaultAndMeaning() {
    List<String> lines = ConfigKeys.describe().lines().toList();

    for (ConfigKey key : ConfigKeys.ALL) {
      assertThat(lines)
          .as(key.name())
          .anySatisfy(
              line -> {
                assertThat(line).startsWith(key.name() + " ");
                assertThat(line).contains(" " + key.defaultValue().orElse("-") + " ");
                assertThat(line).contains(key.meaning());
              });
    }
  }

  @Test
  void describe_always_alignsTheMeaningColumn() {
    List<String> rows =
        ConfigKeys.describe().lines().dropWhile(line -> !line.startsWith("KEY ")).toList();
    int column = rows.getFirst().indexOf("MEANING");

    assertThat(rows).hasSize(ConfigKeys.ALL.size() + 1);
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).charAt(column - 1)).as(rows.get(i)).isEqualTo(' ');
      assertThat(rows.get(i).charAt(column)).as(rows.get(i)).isNotEqualTo(' ');
    }
  }

  @Test
  void describe_always_namesEveryKeyFromTheBrief() {
    assertThat(ConfigKeys.ALL)
        .extracting(ConfigKey::name)
        .contains(
            "db.url",
            "blobs.dir",
            "blobs.s3.endpoint",
            "blobs.s3.bucket",
            "blobs.s3.region",
            "keys.vault",
            "keys.pkcs11.library",
            "keys.pkcs11.slot",
            "keys.pkcs11.pin-file",
            "http.port",
            "http.bind",
            "tls.cert",
            "tls.key",
            "sftp.port",
            "siem.syslog.url",
            "siem.syslog.format",
            "smtp.host",
            "smtp.port",
            "smtp.from",
            "geoip.mmdb",
            "policy.dir",
            "session.idle-timeout",
            "session.absolute-timeout",
            "login.max-failures",
            "login.lockout",
            "upload.max-bytes",
            "audit.page-limit");
  }

  @ParameterizedTest
  @CsvSource({
    "db.url, CORDON_DB_URL",
    "keys.pkcs11.pin-file, CORDON_KEYS_PKCS11_PIN_FILE",
    "session.idle-timeout, CORDON_SESSION_IDLE_TIMEOUT"
  })
  void envName_dottedAndDashedKey_isUpperCasedWithUnderscores(String key, String env) {
    assertThat(ConfigKeys.find(key).orElseThrow().envName()).isEqualTo(env);
  }

  @Test
  void envName_noKey_isTheSecretPassphraseVariable() {
    assertThat(ConfigKeys.ALL).extracting(ConfigKey::envName).doesNotContain("CORDON_PASSPHRASE");
  }

  @Test
  void defaults_always_parseAsTheirOwnType() {
    // Loading with nothing set reads every default through its key's parser and record checks.
    assertThatNoException()
        .isThrownBy(() -> new ConfigLoader(Map.of()).parse(Path.of("/srv/x"), "", "test"));
  }

  @ParameterizedTest
  @CsvSource({
    "http.prot, http.port",
    "db.uri, db.url",
    "session.idle_timeout, session.idle-timeout",
    "keys.pkcs11.pinfile, keys.pkcs11.pin-file",
    "port, http.port"
  })
  void closest_misspelledKey_suggestsTheIntendedOne(String typed, String intended) {
    assertThat(ConfigKeys.closest(typed).name()).isEqualTo(intended);
  }
}
