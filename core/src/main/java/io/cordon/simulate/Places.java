package io.cordon.simulate;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The simulated world's geography and address plan. Every address comes from a block reserved for
 * documentation or testing, so no simulated event names a real network:
 *
 * <ul>
 *   <li>office egress of the CDMO's sites: 198.51.100.0/24, a /28 per site (zone {@code office});
 *   <li>the CDMO's VPN egress: 203.0.113.0/24, a /27 per site (zone {@code vpn});
 *   <li>consumer ISPs and mobile carriers: 100.64.0.0/10, a /16 per city (IPv4), and 2001:db8::/32
 *       (IPv6) for some homes (zone {@code internet});
 *   <li>hotels, cafés and hosting providers: 198.18.0.0/16, a /24 per city (zone {@code internet});
 *   <li>partner organisations' offices: 198.19.0.0/16, a /24 per organisation (zone {@code
 *       internet}: they are not the CDMO's networks).
 * </ul>
 *
 * Attackers use the same consumer and hosting blocks as benign travellers, so an address block
 * never gives a label away.
 */
final class Places {
  private static final List<City> ALL = new ArrayList<>();

  /** The CDMO's manufacturing and laboratory sites. */
  static final List<City> SITES =
      List.of(
          city("US", "Boston", 42.36, -71.06, "America/New_York"),
          city("IE", "Cork", 51.90, -8.47, "Europe/Dublin"),
          city("CH", "Basel", 47.56, 7.59, "Europe/Zurich"),
          city("IN", "Hyderabad", 17.39, 78.49, "Asia/Kolkata"),
          city("SG", "Singapore", 1.35, 103.82, "Asia/Singapore"));

  /** Where partner organisations (sponsors, CROs, labs) are. */
  static final List<City> PARTNER_CITIES =
      List.of(
          city("US", "Princeton", 40.35, -74.66, "America/New_York"),
          city("US", "San Diego", 32.72, -117.16, "America/Los_Angeles"),
          city("GB", "Cambridge", 52.21, 0.12, "Europe/London"),
          city("DE", "Munich", 48.14, 11.58, "Europe/Berlin"),
          city("FR", "Lyon", 45.76, 4.84, "Europe/Paris"),
          city("DK", "Copenhagen", 55.68, 12.57, "Europe/Copenhagen"),
          city("JP", "Osaka", 34.69, 135.50, "Asia/Tokyo"),
          city("KR", "Seoul", 37.57, 126.98, "Asia/Seoul"),
          city("CN", "Shanghai", 31.23, 121.47, "Asia/Shanghai"),
          city("CA", "Toronto", 43.65, -79.38, "America/Toronto"));

  /** Where business travellers go (besides sites and partners). */
  static final List<City> TRAVEL =
      List.of(
          city("ES", "Barcelona", 41.39, 2.17, "Europe/Madrid"),
          city("IT", "Milan", 45.46, 9.19, "Europe/Rome"),
          city("NL", "Amsterdam", 52.37, 4.90, "Europe/Amsterdam"),
          city("US", "Chicago", 41.88, -87.63, "America/Chicago"),
          city("AU", "Sydney", -33.87, 151.21, "Australia/Sydney"),
          city("BR", "Sao Paulo", -23.55, -46.63, "America/Sao_Paulo"),
          city("AE", "Dubai", 25.20, 55.27, "Asia/Dubai"));

  /** Where attackers' infrastructure is; some of these are also travel destinations. */
  static final List<City> ATTACKER =
      List.of(
          city("BR", "Rio de Janeiro", -22.91, -43.17, "America/Sao_Paulo"),
          city("VN", "Ho Chi Minh City", 10.82, 106.63, "Asia/Ho_Chi_Minh"),
          city("RO", "Bucharest", 44.43, 26.10, "Europe/Bucharest"),
          city("ZA", "Johannesburg", -26.20, 28.05, "Africa/Johannesburg"),
          city("NG", "Lagos", 6.52, 3.38, "Africa/Lagos"),
          city("ID", "Jakarta", -6.21, 106.85, "Asia/Jakarta"),
          city("AR", "Buenos Aires", -34.60, -58.38, "America/Argentina/Buenos_Aires"),
          city("MX", "Mexico City", 19.43, -99.13, "America/Mexico_City"),
          city("NL", "Rotterdam", 51.92, 4.48, "Europe/Amsterdam"),
          city("US", "Ashburn", 39.04, -77.49, "America/New_York"));

  private Places() {}

  private static City city(String country, String name, double lat, double lon, String zone) {
    City c = new City(ALL.size(), country, name, lat, lon, ZoneId.of(zone));
    ALL.add(c);
    return c;
  }

  /** An office egress address of a CDMO site. */
  static String officeIp(int site, SplittableRandom r) {
    return "198.51.100." + (site * 16 + 1 + r.nextInt(14));
  }

  /** A VPN egress address of a CDMO site (its geo is the site's). */
  static String vpnIp(int site, SplittableRandom r) {
    return "203.0.113." + (site * 32 + 1 + r.nextInt(30));
  }

  /** A consumer broadband or mobile address in a city; one in six homes is on IPv6. */
  static String consumerIp(City city, SplittableRandom r) {
    if (r.nextInt(6) == 0) {
      return String.format(
          Locale.ROOT,
          "2001:db8:%x:%x::%x",
          city.index() + 1,
          1 + r.nextInt(0xfffe),
          1 + r.nextInt(0xfffe));
    }
    return "100." + (64 + city.index()) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }

  /** A hotel, café or hosting-provider address in a city. */
  static String hostingIp(City city, SplittableRandom r) {
    return "198.18." + city.index() + "." + (1 + r.nextInt(254));
  }

  /** An office address of a partner organisation. */
  static String partnerOfficeIp(int org, SplittableRandom r) {
    return "198.19." + (org % 256) + "." + (1 + r.nextInt(254));
  }

  /** Flight time in milliseconds between two cities: 800 km/h plus three hours at airports. */
  static long travelMillis(City from, City to) {
    return (long) ((from.kilometresTo(to) / 800.0 + 3.0) * 3_600_000L);
  }
}
