package io.cordon.simulate;

import java.time.ZoneId;

/**
 * A place in the simulated world: where a site, a partner, a traveller or an attacker is. {@code
 * index} is unique across all cities and numbers its synthetic address blocks.
 */
record City(int index, String country, String name, double lat, double lon, ZoneId zone) {

  /** Great-circle distance in kilometres (haversine on a sphere of radius 6371 km). */
  double kilometresTo(City other) {
    double p1 = Math.toRadians(lat);
    double p2 = Math.toRadians(other.lat);
    double dp = p2 - p1;
    double dl = Math.toRadians(other.lon - lon);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
