package io.cordon.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  private static final Path DATA = Path.of("/srv/cordon-data");

  private static CordonConfig load(String yaml) {
    return load(yaml, Map.of());
  }

  private static CordonConfig load(String yaml, Map<String, String> env) {
    return new ConfigLoader(env).parse(DATA, yaml, "cordon.yaml");
  }

  @Test
  void parse_emptyFileAndEnvironment_givesDefaults() {
    CordonConfig config = load("");

    assertThat(config.dataDir()).isEqualTo(DATA);
    assertThat(config.db().url()).isEqualTo("sqlite:" + DATA.resolve("cordon.db"));
    assertThat(config.db().jdbcUrl()).isEqualTo("jdbc:sqlite:" + DATA.resolve("cordon.db"));
    assertThat(config.blobs().dir()).isEqualTo(DATA.resolve("blobs"));
    assertThat(config.blobs().s3()).isEmpty();
    assertThat(config.keys().vault()).isEqualTo(CordonConfig.Vault.SEALED);
    assertThat(config.http()).isEqualTo(new CordonConfig.Http(8443, "127.0.0.1"));
    assertThat(config.tls().isConfigured()).isFalse();
    assertThat(config.sftp().port()).isEmpty();
    assertThat(config.siem().syslogUrl()).isEmpty();
    assertThat(config.siem().syslogFormat()).isEqualTo(CordonConfig.SyslogFormat.CEF);
    assertThat(config.smtp().host()).isEmpty();
    assertThat(config.session().idleTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.session().absoluteTimeout()).isEqualTo(Duration.ofHours(12));
    assertThat(config.login().maxFailures()).isEqualTo(5);
    assertThat(config.login().lockout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.upload().maxBytes()).isEqualTo(new DataSize(1L << 40));
    assertThat(config.audit().pageLimit()).isEqualTo(1000);
    assertThat(config.given()).isEmpty();
    assertThat(config.unusedSettings()).isEmpty();
  }

  @Test
  void parse_nestedMapsAndDottedKeys_meanTheSame() {
    CordonConfig nested =
        load(
            """
            http:
              port: 9443
              bind: 0.0.0.0
            session: {idle-timeout: 10m}
            keys:
              pkcs11:
                pin-file: pin.txt
            """);
    CordonConfig dotted =
        load(
            """
            http.port: 9443
            http.bind: 0.0.0.0
            session.idle-timeout: 10m
            keys.pkcs11.pin-file: pin.txt
            """);

    assertThat(nested).isEqualTo(dotted);
    assertThat(nested.http()).isEqualTo(new CordonConfig.Http(9443, "0.0.0.0"));
    assertThat(nested.session().idleTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(nested.keys().pkcs11().pinFile()).contains(DATA.resolve("pin.txt"));
    assertThat(nested.given())
        .containsExactlyInAnyOrder(
            "http.port", "http.bind", "session.idle-timeout", "keys.pkcs11.pin-file");
  }

  @Test
  void parse_sameKeyNestedAndDotted_failsNamingIt() {
    assertThatThrownBy(() -> load("http.port: 1\nhttp:\n  port: 2\n"))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("http.port is given twice");
  }

  @Test
  void parse_environmentAndFile_environmentWins() {
    CordonConfig config =
        load(
            "http: {port: 9443, bind: 10.0.0.1}\nkeys.pkcs11.pin-file: a\n",
            Map.of(
                "CORDON_HTTP_PORT", "7443",
                "CORDON_KEYS_PKCS11_PIN_FILE", "/etc/cordon/pin",
                "CORDON_DB_URL", "jdbc:postgresql://db.internal:5432/cordon"));

    assertThat(config.http().port()).isEqualTo(7443);
    assertThat(config.http().bind()).isEqualTo("10.0.0.1");
    assertThat(config.keys().pkcs11().pinFile()).contains(Path.of("/etc/cordon/pin"));
    assertThat(config.db().isSqlite()).isFalse();
    assertThat(config.db().jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/cordon");
  }

  @Test
  void parse_otherAndEmptyCordonVariables_areIgnored() {
    CordonConfig config =
        load(
            "http.port: 9443\n",
            Map.of(
                "CORDON_PASSPHRASE", "secret",
                "CORDON_NO_SUCH_KEY", "x",
                "CORDON_HTTP_PORT", "",
                "CORDON_JAVA_OPTS", "-Xmx1g"));

    assertThat(config.http().port()).isEqualTo(9443);
  }

  @Test
  void parse_unknownKey_failsNamingItAndClosestKey() {
    assertThatThrownBy(() -> load("http:\n  prot: 9443\n"))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("cordon.yaml")
        .hasMessageContaining("'http.prot'")
        .hasMessageContaining("did you mean 'http.port'?");
  }

  @Test
  void parse_valueUnderAScalarKey_failsAsUnknownKey() {
    assertThatThrownBy(() -> load("db:\n  url:\n    path: x\n"))
        .hasMessageContaining("'db.url.path'")
        .hasMessageContaining("did you mean 'db.url'?");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http.port: abc                 | http.port: expected a port number (1..65535) (from cordon.yaml), got 'abc'",
        "http.port: [1, 2]              | http.port: expected a port number (1..65535) (from cordon.yaml), got a list",
        "http.port: 8443.5              | http.port: expected a port number",
        "login.max-failures: true       | login.max-failures: expected a whole number",
        "session.idle-timeout: 30       | session.idle-timeout: expected a duration such as 45s, 30m, 12h or 7d",
        "session.idle-timeout: 30 min   | session.idle-timeout: expected a duration",
        "login.lockout: 5w              | login.lockout: expected a duration",
        "upload.max-bytes: 10 parsecs   | upload.max-bytes: expected a size such as 512MiB",
        "upload.max-bytes: -1           | upload.max-bytes: expected a size",
        "upload.max-bytes: 99999999TiB  | upload.max-bytes: expected a size",
        "keys.vault: hsm                | keys.vault: expected one of sealed, pkcs11",
        "siem.syslog.format: json       | siem.syslog.format: expected one of cef, leef, ocsf",
        "siem.syslog.url: 'a b'         | siem.syslog.url: expected a URL",
      })
  void parse_wrongType_failsNamingKeyAndExpectedType(String yaml, String message) {
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void parse_wrongTypeFromEnvironment_namesTheVariable() {
    assertThatThrownBy(() -> load("", Map.of("CORDON_SESSION_IDLE_TIMEOUT", "soon")))
        .hasMessage(
            "session.idle-timeout: expected a duration such as 45s, 30m, 12h or 7d"
                + " (from environment variable CORDON_SESSION_IDLE_TIMEOUT), got 'soon'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http.port: 0                                | http.port: expected a port number (1..65535), got 0",
        "http.port: 65536                            | http.port: expected a port number (1..65535), got 65536",
        "sftp.port: -22                              | sftp.port: expected a port number",
        "smtp.port: 99999999999                      | smtp.port: expected a port number",
        "session.idle-timeout: 0s                    | session.idle-timeout: expected a duration longer than zero",
        "session.idle-timeout: 13h                   | session.idle-timeout: cannot be longer than session.absolute-timeout",
        "login.max-failures: 0                       | login.max-failures: expected a whole number from 1 to 1000",
        "upload.max-bytes: 0                         | upload.max-bytes: expected a size above zero",
        "audit.page-limit: 0                         | audit.page-limit: expected a whole number from 1 to 100000",
        "siem.syslog.url: udp://siem:514             | siem.syslog.url: expected tcp://HOST:PORT or tls://HOST:PORT",
        "siem.syslog.url: tcp://siem                 | siem.syslog.url: expected tcp://HOST:PORT or tls://HOST:PORT",
        "siem.syslog.url: tls://siem:514/path        | siem.syslog.url: expected tcp://HOST:PORT",
        "db.url: mysql://db/cordon                   | db.url: expected sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DB",
        "db.url: 'sqlite:'                           | db.url: expected sqlite:PATH",
        "http.bind: 'a b'                            | http.bind: expected a host name or IP address",
        "smtp.host: mail.example                     | smtp.from: required when smtp.host is set",
        "smtp.from: nobody                           | smtp.from: expected an e-mail address",
        "keys.vault: pkcs11                          | keys.pkcs11.library: required when keys.vault is pkcs11",
        "keys.pkcs11.slot: -1                        | keys.pkcs11.slot: expected a whole number from 0",
        "'keys: {vault: pkcs11, pkcs11: {library: l}}' | keys.pkcs11.slot: required when keys.vault is pkcs11",
        "'keys: {vault: pkcs11, pkcs11: {library: l, slot: 0}}' | keys.pkcs11.pin-file: required when keys.vault is pkcs11",
      })
  void parse_valueOutOfRange_failsNamingKey(String yaml, String message) {
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void parse_goodChannelValues_areAcceptedAndWarnedAbout() {
    CordonConfig config =
        load(
            """
            sftp.port: 2222
            siem.syslog: {url: 'tls://siem.example:6514', format: OCSF}
            smtp: {host: mail.example, port: 587, from: cordon@example.com}
            geoip.mmdb: GeoLite2-City.mmdb
            policy.dir: /etc/cordon/policies
            """);

    assertThat(config.sftp().port()).contains(2222);
    assertThat(config.siem().syslogUrl()).contains(URI.create("tls://siem.example:6514"));
    assertThat(config.siem().syslogFormat()).isEqualTo(CordonConfig.SyslogFormat.OCSF);
    assertThat(config.smtp())
        .isEqualTo(
            new CordonConfig.Smtp(
                Optional.of("mail.example"), 587, Optional.of("cordon@example.com")));
    assertThat(config.geoip().mmdb()).contains(DATA.resolve("GeoLite2-City.mmdb"));
    assertThat(config.policy().dir()).contains(Path.of("/etc/cordon/policies"));
    // smtp.* (the mail outbox) and policy.dir (the policy watch) are used: only the channels that
    // have not landed yet are warned about.
    assertThat(config.unusedSettings())
        .hasSize(3)
        .contains("sftp.port is set, but this build of Cordon does not use it yet")
        .noneMatch(w -> w.startsWith("smtp.") || w.startsWith("policy."));
  }

  @Test
  void parse_pkcs11SettingsWithSealedVault_areWarnedAbout() {
    CordonConfig config = load("keys.pkcs11: {library: /usr/lib/softhsm/libsofthsm2.so, slot: 3}");

    assertThat(config.keys().pkcs11().slot()).contains(3);
    assertThat(config.unusedSettings())
        .containsExactly(
            "keys.pkcs11.library is set, but keys.vault is sealed, so it is not used",
            "keys.pkcs11.slot is set, but keys.vault is sealed, so it is not used");
  }

  @Test
  void parse_pkcs11Vault_isAccepted() {
    CordonConfig config =
        load(
            "keys: {vault: pkcs11, pkcs11: {library: /usr/lib/softhsm/libsofthsm2.so}}",
            Map.of("CORDON_KEYS_PKCS11_SLOT", "17", "CORDON_KEYS_PKCS11_PIN_FILE", "pin"));

    assertThat(config.keys().vault()).isEqualTo(CordonConfig.Vault.PKCS11);
    assertThat(config.keys().pkcs11().slot()).contains(17);
    assertThat(config.unusedSettings()).isEmpty();
  }

  @Test
  void parse_tlsCertWithoutKey_fails() {
    assertThatThrownBy(() -> load("tls.cert: server.pem"))
        .hasMessage("tls.key: tls.cert and tls.key go together: tls.cert is set, this is not");
    assertThatThrownBy(() -> load("", Map.of("CORDON_TLS_KEY", "server.key")))
        .hasMessageStartingWith("tls.cert: tls.cert and tls.key go together");
  }

  @Test
  void parse_tlsCertAndKey_resolvesBothAgainstDataDir() {
    CordonConfig config = load("tls: {cert: tls/server.pem, key: /etc/cordon/server.key}");

    assertThat(config.tls().isConfigured()).isTrue();
    assertThat(config.tls().cert()).contains(DATA.resolve("tls/server.pem"));
    assertThat(config.tls().key()).contains(Path.of("/etc/cordon/server.key"));
  }

  @Test
  void parse_blankValue_meansNotSet() {
    CordonConfig config = load("tls:\n  cert:\n  key: ''\nhttp.port: ' '\n");

    assertThat(config.tls().isConfigured()).isFalse();
    assertThat(config.http().port()).isEqualTo(8443);
    assertThat(config.given()).isEmpty();
  }

  @Test
  void parse_numbersAsTextAndSizesAsNumbers_areAccepted() {
    CordonConfig config =
        load("http.port: '9000'\nupload.max-bytes: 1048576\nsession.absolute-timeout: 1d12h\n");

    assertThat(config.http().port()).isEqualTo(9000);
    assertThat(config.upload().maxBytes()).isEqualTo(new DataSize(1 << 20));
    assertThat(config.session().absoluteTimeout()).isEqualTo(Duration.ofHours(36));
  }

  @Test
  void parse_relativeSqlitePath_resolvesAgainstDataDir() {
    assertThat(load("db.url: sqlite:db/meta.sqlite").db().url())
        .isEqualTo("sqlite:" + DATA.resolve("db/meta.sqlite"));
    assertThat(load("db.url: sqlite:/var/lib/cordon.db").db().url())
        .isEqualTo("sqlite:/var/lib/cordon.db");
  }

  @Test
  void parse_s3Settings_failWithNotAvailable() {
    assertThatThrownBy(() -> load("blobs.s3: {endpoint: 'https://s3.example', bucket: cordon}"))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageStartingWith("S3 blob storage is not available in this build yet");
  }

  @Test
  void parse_badS3Endpoint_failsOnTheValueFirst() {
    assertThatThrownBy(() -> load("blobs.s3.endpoint: ftp://s3.example"))
        .hasMessageStartingWith("blobs.s3.endpoint: expected an http(s) URL");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'- a\n- b'        | expected a map of settings",
        "'http: [port'     | not valid YAML",
        "'a: 1\na: 2'      | not valid YAML",
      })
  void parse_malformedFile_failsNamingTheFile(String yaml, String message) {
    assertThatThrownBy(() -> load(yaml.replace("\\n", "\n")))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageStartingWith("cordon.yaml: ")
        .hasMessageContaining(message);
  }
}
