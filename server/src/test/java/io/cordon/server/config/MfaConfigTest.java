package io.cordon.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code webauthn.*} and {@code mfa.*} keys: defaults, derivation, refusals. */
class MfaConfigTest {
  private static CordonConfig load(String yaml) {
    return new ConfigLoader(Map.of()).parse(Path.of("/srv/cordon-data"), yaml, "cordon.yaml");
  }

  @Test
  void defaults_noSetting_localhostAnyPortFiveMinutesNoRequiredRoles() {
    CordonConfig c = load("");
    assertThat(c.webauthn().rpId()).isEmpty();
    assertThat(c.webauthn().origins()).isEmpty();
    assertThat(c.webauthn().challengeTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.webauthn().relyingPartyId(c.http().bind())).isEqualTo("localhost");
    assertThat(c.mfa().requiredRoles()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, localhost",
    "0.0.0.0, localhost",
    "::, localhost",
    "::1, localhost",
    "cordon.cdmo.example, cordon.cdmo.example",
    "Cordon.CDMO.example, cordon.cdmo.example"
  })
  void relyingPartyId_fromBind_hostNameOrLocalhost(String bind, String rpId) {
    assertThat(load("").webauthn().relyingPartyId(bind)).isEqualTo(rpId);
  }

  @Test
  void settings_given_parsedAndTrimmed() {
    CordonConfig c =
        load(
            """
            webauthn:
              rp-id: cdmo.example
              origins: "https://cordon.cdmo.example, https://cdmo.example:8443"
              challenge-ttl: 2m
            mfa:
              required-roles: "admin, security"
            """);
    assertThat(c.webauthn().relyingPartyId("0.0.0.0")).isEqualTo("cdmo.example");
    assertThat(c.webauthn().origins())
        .containsExactly("https://cordon.cdmo.example", "https://cdmo.example:8443");
    assertThat(c.webauthn().challengeTtl()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.mfa().requiredRoles()).isEqualTo(Set.of("admin", "security"));
    assertThat(load("mfa: {required-roles: '*'}").mfa().requiredRoles()).containsExactly("*");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "webauthn: {rp-id: 'https://cdmo.example'}",
        "webauthn: {rp-id: 'CDMO.example'}",
        "webauthn: {origins: 'http://cdmo.example'}",
        "webauthn: {origins: 'https://cdmo.example/login'}",
        "webauthn: {challenge-ttl: 1s}",
        "webauthn: {challenge-ttl: 2h}",
        "mfa: {required-roles: 'wizard'}"
      })
  void settings_invalid_refusedNamingTheKey(String yaml) {
    String key = yaml.substring(0, yaml.indexOf(':')) + "." + yaml.split("\\{")[1].split(":")[0];
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining(key);
  }
}
