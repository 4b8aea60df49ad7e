package io.cordon.context;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a request comes from, as far as the network says: the client address (through trusted
 * proxies only), its zone and its location. Channels call it for every request before anything
 * else, so that every decision and every audit event sees the same place. Immutable and thread-safe
 * (its parts are).
 */
public record NetworkSignals(TrustedProxies proxies, NetworkZones zones, GeoLocator geo) {
  public NetworkSignals {
    Objects.requireNonNull(proxies);
    Objects.requireNonNull(zones);
    Objects.requireNonNull(geo);
  }

  /** No proxies, no zones (everything on the internet), no locations. */
  public static NetworkSignals none() {
    return new NetworkSignals(TrustedProxies.none(), NetworkZones.none(), GeoLocator.NONE);
  }

  /** The client address of a request from {@code peer} carrying these forwarded headers. */
  public String clientAddress(String peer, List<String> forwardedFor) {
    return proxies.clientAddress(peer, forwardedFor);
  }

  /** The context placed in its client address's zone and location. */
  public RequestContext locate(RequestContext ctx) {
    Optional<GeoLocation> at;
    try {
      at = geo.locate(ctx.clientIp());
    } catch (RuntimeException e) {
      // A broken lookup must not fail the request; the policy then sees an unknown country.
      at = Optional.empty();
    }
    return ctx.withNetwork(Optional.of(zones.zoneOf(ctx.clientIp())), at);
  }
}
