package io.cordon.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {
  @ParameterizedTest
  @CsvSource({
    "81.2.69.160, 81.2.69.160",
    "::ffff:81.2.69.160, 81.2.69.160",
    "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "0:0:0:0:0:0:0:1, ::1",
    "::, ::",
    "fe80:0:0:0:0:0:0:0, fe80::",
    "2001:0:0:1:0:0:0:1, 2001:0:0:1::1"
  })
  void canonical_literal_rfc5952Text(String in, String expected) {
    assertThat(IpAddresses.canonical(in)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "localhost",
        "example.com",
        "256.1.1.1",
        "1.2.3",
        "01.2.3.4",
        "1.2.3.4.5",
        "fe80::1%eth0",
        "::g",
        "1:2:3:4:5:6:7:8:9",
        "unknown",
        "[::1]"
      })
  void parse_notALiteralAddress_empty(String in) {
    assertThat(IpAddresses.parse(in)).isEmpty();
  }
}
