package io.cordon.detect.internal;

import io.cordon.detect.Event;
import io.cordon.detect.Outcome;
import io.cordon.detect.Severity;
import java.util.Locale;

/**
 * Two successful events of a user from places further apart than an airliner could fly in the time
 * between them: great-circle (haversine) distance over elapsed time above {@link #MAX_KMH}, for
 * distances over {@link #MIN_KM} (city-level geolocation is coarse). Addresses in the configured
 * VPN ranges are ignored, on either side. No warm-up: it needs only the previous location.
 */
public final class ImpossibleTravel implements Detector {
  public static final String NAME = "impossible_travel";
  static final double MAX_KMH = 1000;
  static final double MIN_KM = 500;
  private static final double EARTH_KM = 6371.0088;

  private final AddressRanges vpn;

  public ImpossibleTravel(AddressRanges vpn) {
    this.vpn = vpn;
  }

  @Override
  public void observe(Event e, UserProfile u, PeerGroup peer, Raise out) {
    if (e.outcome() != Outcome.SUCCESS || !e.hasGeo() || vpn.contains(e.ip())) {
      return;
    }
    if (!Double.isNaN(u.lastLat) && (e.lat() != u.lastLat || e.lon() != u.lastLon)) {
      double km = haversineKm(u.lastLat, u.lastLon, e.lat(), e.lon());
      double hours = Math.max(e.timeMillis() - u.lastGeoTime, 0) / 3_600_000.0;
      double kmh = hours == 0 ? Double.POSITIVE_INFINITY : km / hours;
      if (km >= MIN_KM && kmh > MAX_KMH) {
        boolean newCountry = e.country() != null && !u.countries.contains(e.country());
        Severity s = newCountry ? Severity.HIGH : Severity.MEDIUM;
        out.alert(
            e,
            u.user,
            e.ip(),
            NAME,
            s,
            newCountry ? 0.9 : 0.75,
            String.format(
                Locale.ROOT,
                "%.0f km from %s (%s) to %s (%s) in %.0f minutes: %s km/h, over %.0f",
                km,
                u.lastGeoCountry,
                u.lastGeoIp,
                e.country(),
                e.ip(),
                hours * 60,
                Double.isInfinite(kmh) ? "instant" : String.format(Locale.ROOT, "%.0f", kmh),
                MAX_KMH),
            Evidence.of("km", km)
                .and("minutes", hours * 60)
                .and("kmh", Double.isInfinite(kmh) ? null : kmh)
                .and("from", u.lastGeoCountry)
                .and("fromIp", u.lastGeoIp)
                .and("to", e.country())
                .and("toIp", e.ip())
                .map(),
            SeqList.of(u.lastGeoSeq, e.seq()));
      }
    }
    u.lastLat = e.lat();
    u.lastLon = e.lon();
    u.lastGeoTime = e.timeMillis();
    u.lastGeoIp = e.ip();
    u.lastGeoCountry = e.country();
    u.lastGeoSeq = e.seq();
  }

  static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
