package io.cordon.context;

import java.util.Optional;

/**
 * Port: where an IP address is ({@code geoip.mmdb}). Adapters read a MaxMind-format database;
 * without one, {@link #NONE} knows no address. Implementations are thread-safe and never throw for
 * an address they do not know or cannot parse: they answer empty.
 */
@FunctionalInterface
public interface GeoLocator {
  /** Knows nothing: for an installation without a location database. */
  GeoLocator NONE = address -> Optional.empty();

  Optional<GeoLocation> locate(String clientIp);
}
