package io.cordon.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkZonesTest {
  private final NetworkZones zones =
      NetworkZones.of(
          Map.of(
              "office", List.of("10.0.0.0/8", "2001:db8::/32"),
              "lab", List.of("10.1.0.0/16", "2001:db8:1::/48"),
              "printer", List.of("10.1.2.3"),
              "mapped", List.of("::ffff:192.168.0.0/112")));

  @Test
  void zoneOf_nestedBlocks_mostSpecificWins() {
    assertThat(zones.zoneOf("10.200.0.1")).isEqualTo("office");
    assertThat(zones.zoneOf("10.1.200.1")).isEqualTo("lab");
    assertThat(zones.zoneOf("10.1.2.3")).isEqualTo("printer");
    assertThat(zones.zoneOf("10.1.2.4")).isEqualTo("lab");
  }

  @Test
  void zoneOf_ipv6_mostSpecificWins() {
    assertThat(zones.zoneOf("2001:db8:2::1")).isEqualTo("office");
    assertThat(zones.zoneOf("2001:DB8:1:0:0:0:0:9")).isEqualTo("lab");
    assertThat(zones.zoneOf("2001:db9::1")).isEqualTo(NetworkZones.INTERNET);
  }

  @Test
  void zoneOf_ipv4AndItsMappedForm_sameZone() {
    assertThat(zones.zoneOf("::ffff:10.1.0.1")).isEqualTo("lab");
    assertThat(zones.zoneOf("192.168.4.4")).isEqualTo("mapped");
  }

  @Test
  void zoneOf_unlistedOrNotAnAddress_internet() {
    assertThat(zones.zoneOf("81.2.69.160")).isEqualTo("internet");
    assertThat(zones.zoneOf("unknown")).isEqualTo("internet");
    assertThat(zones.zoneOf("localhost")).isEqualTo("internet");
    assertThat(zones.zoneOf("")).isEqualTo("internet");
    assertThat(zones.zoneOf(null)).isEqualTo("internet");
    assertThat(NetworkZones.none().zoneOf("10.0.0.1")).isEqualTo("internet");
  }

  @Test
  void of_badBlock_namesZoneAndBlock() {
    assertThatThrownBy(() -> NetworkZones.of(Map.of("office", List.of("10.0.0.0/33"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zone 'office'")
        .hasMessageContaining("10.0.0.0/33");
    assertThatThrownBy(() -> NetworkZones.of(Map.of("office", List.of("10.0.0.256/8"))))
        .hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> NetworkZones.of(Map.of("office", List.of("example.com/8"))))
        .hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> NetworkZones.of(Map.of("office", List.of("10.0.0.1/8"))))
        .hasMessageContaining("host bits")
        .hasMessageContaining("10.0.0.0/8");
    assertThatThrownBy(() -> NetworkZones.of(Map.of("office", List.of("fe80::1%eth0/64"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_sameBlockInTwoZones_refused() {
    assertThatThrownBy(
            () -> NetworkZones.of(Map.of("a", List.of("10.0.0.0/8"), "b", List.of("10.0.0.0/8"))))
        .hasMessageContaining("10.0.0.0/8")
        .hasMessageContaining("'a'")
        .hasMessageContaining("'b'");
  }

  @Test
  void of_badZoneNameOrEmptyList_refused() {
    assertThatThrownBy(() -> NetworkZones.of(Map.of("Office Net", List.of("10.0.0.0/8"))))
        .hasMessageContaining("zone name");
    assertThatThrownBy(() -> NetworkZones.of(Map.of("office", List.of())))
        .hasMessageContaining("lists no CIDR blocks");
  }

  @Test
  void zoneOf_manyBlocks_stillExact() {
    Map<String, List<String>> many = new java.util.HashMap<>();
    List<String> blocks = new java.util.ArrayList<>();
    for (int i = 0; i < 256; i++) {
      for (int j = 0; j < 40; j++) {
        blocks.add(
            "172." + (i % 16 + 16) + "." + (i / 16 * 16 + j % 16) + "." + (j / 16 * 64) + "/26");
      }
    }
    many.put("branch", blocks.stream().distinct().toList());
    NetworkZones big = NetworkZones.of(many);
    assertThat(big.zoneOf("172.16.0.5")).isEqualTo("branch");
    assertThat(big.zoneOf("172.15.0.5")).isEqualTo("internet");
  }
}
