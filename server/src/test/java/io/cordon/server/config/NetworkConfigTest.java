package io.cordon.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code network.zones}, {@code http.trusted-proxies} and {@code device.cookie-lifetime}. */
class NetworkConfigTest {
  private static final Path DATA = Path.of("/srv/cordon-data");

  private static CordonConfig load(String yaml, Map<String, String> env) {
    return new ConfigLoader(env).parse(DATA, yaml, "cordon.yaml");
  }

  @Test
  void parse_nothingSet_noZonesNoProxiesLongDeviceCookie() {
    CordonConfig config = load("", Map.of());
    assertThat(config.network().zones().zoneOf("10.0.0.1")).isEqualTo("internet");
    assertThat(config.network().trustedProxies().blocks()).isEmpty();
    assertThat(config.network().deviceCookieLifetime()).isEqualTo(Duration.ofDays(400));
  }

  @Test
  void parse_zonesAndProxiesFromTheFile_built() {
    CordonConfig config =
        load(
            """
            network:
              zones:
                office: [10.0.0.0/8, "2001:db8::/32"]
                lab: [10.1.0.0/16]
            http:
              trusted-proxies: [192.0.2.10, 198.51.100.0/24]
            device.cookie-lifetime: 30d
            """,
            Map.of());
    assertThat(config.network().zones().zoneOf("10.1.0.1")).isEqualTo("lab");
    assertThat(config.network().zones().zoneOf("2001:db8::5")).isEqualTo("office");
    assertThat(config.network().trustedProxies().isTrusted("198.51.100.77")).isTrue();
    assertThat(config.network().trustedProxies().isTrusted("192.0.2.11")).isFalse();
    assertThat(config.network().deviceCookieLifetime()).isEqualTo(Duration.ofDays(30));
    assertThat(config.given()).contains("network.zones", "http.trusted-proxies");
  }

  @Test
  void parse_zonesAndProxiesFromTheEnvironment_built() {
    CordonConfig config =
        load(
            "",
            Map.of(
                "CORDON_NETWORK_ZONES", "{office: [10.0.0.0/8]}",
                "CORDON_HTTP_TRUSTED_PROXIES", "192.0.2.10, 198.51.100.0/24"));
    assertThat(config.network().zones().blocks())
        .isEqualTo(Map.of("office", List.of("10.0.0.0/8")));
    assertThat(config.network().trustedProxies().blocks())
        .containsExactly("192.0.2.10", "198.51.100.0/24");
  }

  @Test
  void parse_badCidr_failsNamingKeyZoneAndBlock() {
    assertThatThrownBy(() -> load("network.zones: {office: [10.0.0.0/40]}", Map.of()))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("network.zones")
        .hasMessageContaining("office")
        .hasMessageContaining("10.0.0.0/40");
    assertThatThrownBy(() -> load("http.trusted-proxies: [proxy.example]", Map.of()))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("http.trusted-proxies")
        .hasMessageContaining("proxy.example");
    assertThatThrownBy(
            () -> load("", Map.of("CORDON_HTTP_TRUSTED_PROXIES", "10.0.0.0/8, 10.0.0.300")))
        .hasMessageContaining("CORDON_HTTP_TRUSTED_PROXIES");
  }

  @Test
  void parse_wrongShapes_fail() {
    assertThatThrownBy(() -> load("network.zones: [10.0.0.0/8]", Map.of()))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("network.zones");
    assertThatThrownBy(() -> load("network.zones: {office: 10.0.0.0/8}", Map.of()))
        .hasMessageContaining("network.zones");
    assertThatThrownBy(() -> load("network.zones: {office: [{a: b}]}", Map.of()))
        .hasMessageContaining("network.zones");
    assertThatThrownBy(() -> load("", Map.of("CORDON_NETWORK_ZONES", "{office: [10.0.0.0/8]")))
        .hasMessageContaining("network.zones");
    assertThatThrownBy(() -> load("device.cookie-lifetime: 500d", Map.of()))
        .hasMessageContaining("device.cookie-lifetime");
  }

  @Test
  void parse_unknownKeyNextToZones_stillAnError() {
    assertThatThrownBy(() -> load("network: {zones: {a: [10.0.0.0/8]}, zone: 1}", Map.of()))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("network.zone");
  }
}
