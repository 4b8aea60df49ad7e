package io.cordon.context;

import java.util.Optional;

/**
 * Where a client address is, as far as a geolocation database (MaxMind format) says. Every part is
 * optional: databases know some addresses only to the country, and private addresses not at all.
 *
 * @param country ISO 3166-1 alpha-2 code, upper case
 */
public record GeoLocation(
    Optional<String> country, Optional<String> city, Optional<Double> lat, Optional<Double> lon) {
  public GeoLocation {
    country = country == null ? Optional.empty() : country;
    city = city == null ? Optional.empty() : city;
    lat = lat == null ? Optional.empty() : lat;
    lon = lon == null ? Optional.empty() : lon;
  }

  /** A location known only to its country. */
  public static GeoLocation ofCountry(String country) {
    return new GeoLocation(
        Optional.of(country), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
