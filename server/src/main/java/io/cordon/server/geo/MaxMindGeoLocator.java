package io.cordon.server.geo;

import com.maxmind.db.CHMCache;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.model.CountryResponse;
import com.maxmind.geoip2.record.Country;
import com.maxmind.geoip2.record.Location;
import io.cordon.context.CordonException;
import io.cordon.context.GeoLocation;
import io.cordon.context.GeoLocator;
import io.cordon.context.IpAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link GeoLocator} over a MaxMind-format database ({@code geoip.mmdb}: GeoIP2 / GeoLite2 City or
 * Country, or any database of that layout), read with MaxMind's own reader and its lookup cache.
 * The file is opened and checked at start: a missing, unreadable or corrupt file, or one that is
 * not a City or Country database, is a start-up error naming it. Thread-safe (the reader is).
 */
public final class MaxMindGeoLocator implements GeoLocator, AutoCloseable {
  private final DatabaseReader reader;
  private final boolean city;

  private MaxMindGeoLocator(DatabaseReader reader, boolean city) {
    this.reader = reader;
    this.city = city;
  }

  /**
   * Opens a database.
   *
   * @throws CordonException.InvalidInput naming the file and what is wrong with it
   */
  public static MaxMindGeoLocator open(Path mmdb) {
    if (!Files.isRegularFile(mmdb)) {
      throw new CordonException.InvalidInput("geoip.mmdb: no such file: " + mmdb);
    }
    DatabaseReader reader;
    try {
      reader = new DatabaseReader.Builder(mmdb.toFile()).withCache(new CHMCache()).build();
    } catch (IOException | RuntimeException e) {
      throw new CordonException.InvalidInput(
          "geoip.mmdb: " + mmdb + " is not a readable MaxMind database (" + e.getMessage() + ")");
    }
    String type = reader.getMetadata().getDatabaseType().toLowerCase(Locale.ROOT);
    if (!type.contains("city") && !type.contains("country")) {
      closeQuietly(reader);
      throw new CordonException.InvalidInput(
          "geoip.mmdb: " + mmdb + " is a '" + type + "' database; a City or Country one is needed");
    }
    return new MaxMindGeoLocator(reader, type.contains("city"));
  }

  @Override
  public Optional<GeoLocation> locate(String clientIp) {
    Optional<byte[]> address = IpAddresses.parse(clientIp);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    try {
      InetAddress ip = InetAddress.getByAddress(address.get());
      if (city) {
        return reader.tryCity(ip).map(MaxMindGeoLocator::of);
      }
      return reader.tryCountry(ip).map(MaxMindGeoLocator::of);
    } catch (IOException | GeoIp2Exception e) {
      // A damaged record answers "unknown", like an address the database does not list.
      return Optional.empty();
    }
  }

  private static GeoLocation of(CityResponse r) {
    Location at = r.getLocation();
    return new GeoLocation(
        country(r.getCountry()),
        Optional.ofNullable(r.getCity().getName()),
        Optional.ofNullable(at.getLatitude()),
        Optional.ofNullable(at.getLongitude()));
  }

  private static GeoLocation of(CountryResponse r) {
    return new GeoLocation(
        country(r.getCountry()), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static Optional<String> country(Country c) {
    return Optional.ofNullable(c.getIsoCode()).map(code -> code.toUpperCase(Locale.ROOT));
  }

  private static void closeQuietly(DatabaseReader reader) {
    try {
      reader.close();
    } catch (IOException ignored) {
      // Closing a memory-mapped reader that is being thrown away; nothing to report.
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
