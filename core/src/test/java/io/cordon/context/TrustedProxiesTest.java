package io.cordon.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
  private final TrustedProxies proxies =
      TrustedProxies.of(List.of("10.0.0.0/24", "192.0.2.7", "2001:db8:ff::/48"));

  @Test
  void clientAddress_untrustedPeer_forgedHeaderIgnored() {
    assertThat(proxies.clientAddress("203.0.113.9", List.of("81.2.69.160")))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void clientAddress_trustedPeer_rightmostUntrustedIsTheClient() {
    assertThat(proxies.clientAddress("10.0.0.5", List.of("1.1.1.1, 81.2.69.160")))
        .isEqualTo("81.2.69.160");
    // A client-written left part never wins over what the proxies appended.
    assertThat(proxies.clientAddress("10.0.0.5", List.of("10.0.0.9, 81.2.69.160, 192.0.2.7")))
        .isEqualTo("81.2.69.160");
  }

  @Test
  void clientAddress_severalHeaderLines_oneListInOrder() {
    assertThat(proxies.clientAddress("10.0.0.5", List.of("81.2.69.160", "10.0.0.3")))
        .isEqualTo("81.2.69.160");
  }

  @Test
  void clientAddress_everyHopTrusted_leftmostIsTheClient() {
    assertThat(proxies.clientAddress("10.0.0.5", List.of("10.0.0.8, 192.0.2.7")))
        .isEqualTo("10.0.0.8");
  }

  @Test
  void clientAddress_malformedEntry_nearestVouchedHopIsTheClient() {
    assertThat(proxies.clientAddress("10.0.0.5", List.of("81.2.69.160, garbage")))
        .isEqualTo("10.0.0.5");
    assertThat(proxies.clientAddress("10.0.0.5", List.of("evil.example, 192.0.2.7")))
        .isEqualTo("192.0.2.7");
    assertThat(proxies.clientAddress("10.0.0.5", List.of(",,, ,"))).isEqualTo("10.0.0.5");
    assertThat(proxies.clientAddress("10.0.0.5", List.of("unknown"))).isEqualTo("10.0.0.5");
    assertThat(proxies.clientAddress("10.0.0.5", List.of("x".repeat(10_000))))
        .isEqualTo("10.0.0.5");
  }

  @Test
  void clientAddress_portsAndBrackets_stripped() {
    assertThat(proxies.clientAddress("10.0.0.5", List.of("81.2.69.160:51234")))
        .isEqualTo("81.2.69.160");
    assertThat(proxies.clientAddress("10.0.0.5", List.of("[2001:db8::1]:443")))
        .isEqualTo("2001:db8::1");
  }

  @Test
  void clientAddress_ipv6AndMappedPeers_matchTheirBlocks() {
    assertThat(proxies.clientAddress("2001:db8:ff::2", List.of("81.2.69.160")))
        .isEqualTo("81.2.69.160");
    assertThat(proxies.clientAddress("::ffff:10.0.0.5", List.of("81.2.69.160")))
        .isEqualTo("81.2.69.160");
  }

  @Test
  void clientAddress_noProxiesConfigured_alwaysThePeer() {
    assertThat(TrustedProxies.none().clientAddress("10.0.0.5", List.of("81.2.69.160")))
        .isEqualTo("10.0.0.5");
  }

  @Test
  void clientAddress_endlessChainOfTrustedHops_walkIsBounded() {
    List<String> hops = new ArrayList<>();
    hops.add("81.2.69.160");
    for (int i = 0; i < 1000; i++) {
      hops.add("10.0.0." + (i % 200));
    }
    String client = proxies.clientAddress("10.0.0.5", List.of(String.join(",", hops)));
    assertThat(client).startsWith("10.0.0.");
  }

  @Test
  void of_malformedBlock_refusedNamingIt() {
    assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/8", "proxy.internal")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proxy.internal");
  }
}
