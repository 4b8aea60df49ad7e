package io.cordon.context;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The network zone of a client address, from a table of zone name → CIDR blocks ({@code
 * network.zones}). The most specific block wins, so {@code lab: [10.1.0.0/16]} inside {@code
 * office: [10.0.0.0/8]} puts 10.1.2.3 in {@code lab}. An address in no block, and a client whose
 * address is unknown, is in the zone {@value #INTERNET}. The same block in two zones is refused
 * (the table would contradict itself). Lookups walk a prefix trie: at most 128 steps, whatever the
 * table's size. Immutable after construction and thread-safe.
 */
public final class NetworkZones {
  /** The zone of every address the table does not name. */
  public static final String INTERNET = "internet";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  private final PrefixTable<String> table = new PrefixTable<>();
  private final Map<String, List<String>> blocks;

  private NetworkZones(Map<String, List<String>> blocks) {
    this.blocks = blocks;
  }

  /** No zones: every address is on the {@value #INTERNET}. */
  public static NetworkZones none() {
    return new NetworkZones(Map.of());
  }

  /**
   * Builds the table.
   *
   * @param zones zone name → blocks in CIDR notation, IPv4 or IPv6
   * @throws IllegalArgumentException naming the zone and block that is wrong
   */
  public static NetworkZones of(Map<String, List<String>> zones) {
    Map<String, List<String>> sorted = new TreeMap<>();
    zones.forEach((name, list) -> sorted.put(name, List.copyOf(list)));
    NetworkZones built = new NetworkZones(java.util.Collections.unmodifiableMap(sorted));
    for (Map.Entry<String, List<String>> zone : sorted.entrySet()) {
      String name = zone.getKey();
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "zone name '" + name + "' must be lower-case letters, digits, '-' or '_'");
      }
      if (zone.getValue().isEmpty()) {
        throw new IllegalArgumentException("zone '" + name + "' lists no CIDR blocks");
      }
      for (String text : zone.getValue()) {
        Cidr block;
        try {
          block = Cidr.parse(text);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("zone '" + name + "': " + e.getMessage(), e);
        }
        Optional<String> before = built.table.put(block, name);
        if (before.isPresent() && !before.get().equals(name)) {
          throw new IllegalArgumentException(
              "block " + block + " is in both zone '" + before.get() + "' and zone '" + name + "'");
        }
      }
    }
    return built;
  }

  /**
   * The zone of a client address; {@value #INTERNET} when no block holds it or it is no address.
   */
  public String zoneOf(String clientIp) {
    return IpAddresses.parse(clientIp).flatMap(table::longestMatch).orElse(INTERNET);
  }

  /** The table as configured, zone names sorted. */
  public Map<String, List<String>> blocks() {
    return blocks;
  }

  /** Tables are equal when configured alike (as configuration values compare). */
  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkZones z && blocks.equals(z.blocks);
  }

  @Override
  public int hashCode() {
    return blocks.hashCode();
  }

  @Override
  public String toString() {
    return "NetworkZones" + blocks;
  }
}
