package io.cordon.server.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import io.cordon.context.GeoLocation;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MaxMind adapter against MaxMind's own test databases (test resources, with their licence
 * note); expected places come from the database's published source data.
 */
class MaxMindGeoLocatorIT {
  @TempDir Path dir;

  private Path copy(String resource) throws Exception {
    Path to = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Files.copy(in, to);
    }
    return to;
  }

  @Test
  void locate_knownAddresses_countryCityAndCoordinates() throws Exception {
    try (MaxMindGeoLocator geo = MaxMindGeoLocator.open(copy("/geoip/GeoIP2-City-Test.mmdb"))) {
      GeoLocation london = geo.locate("81.2.69.160").orElseThrow();
      assertThat(london.country()).contains("GB");
      assertThat(london.city()).contains("London");
      assertThat(london.lat()).contains(51.5142);
      assertThat(london.lon()).contains(-0.0931);
      assertThat(geo.locate("89.160.20.128").orElseThrow().city()).contains("Linköping");
      assertThat(geo.locate("216.160.83.56").orElseThrow().country()).contains("US");
      // IPv6 and the IPv4-mapped form of a listed address.
      assertThat(geo.locate("2001:218::1").orElseThrow().country()).contains("JP");
      assertThat(geo.locate("::ffff:81.2.69.160").orElseThrow().city()).contains("London");
    }
  }

  @Test
  void locate_unlistedPrivateOrMalformed_empty() throws Exception {
    try (MaxMindGeoLocator geo = MaxMindGeoLocator.open(copy("/geoip/GeoIP2-City-Test.mmdb"))) {
      assertThat(geo.locate("10.0.0.1")).isEmpty();
      assertThat(geo.locate("127.0.0.1")).isEmpty();
      assertThat(geo.locate("unknown")).isEqualTo(Optional.empty());
      assertThat(geo.locate("example.com")).isEmpty();
    }
  }

  @Test
  void open_missingFile_clearError() {
    assertThatThrownBy(() -> MaxMindGeoLocator.open(dir.resolve("none.mmdb")))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("geoip.mmdb")
        .hasMessageContaining("none.mmdb");
  }

  @Test
  void open_corruptOrTruncatedFile_clearError() throws Exception {
    Path garbage = Files.write(dir.resolve("garbage.mmdb"), "not a database".getBytes());
    assertThatThrownBy(() -> MaxMindGeoLocator.open(garbage))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("not a readable MaxMind database");
    byte[] whole = Files.readAllBytes(copy("/geoip/GeoIP2-City-Test.mmdb"));
    Path truncated =
        Files.write(
            dir.resolve("truncated.mmdb"), java.util.Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> MaxMindGeoLocator.open(truncated))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("truncated.mmdb");
  }

  @Test
  void open_databaseOfTheWrongKind_clearError() throws Exception {
    assertThatThrownBy(() -> MaxMindGeoLocator.open(copy("/geoip/GeoLite2-ASN-Test.mmdb")))
        .isInstanceOf(CordonException.InvalidInput.class)
        .hasMessageContaining("City or Country");
  }
}
