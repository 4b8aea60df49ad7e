package io.cordon.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the real client address of a request that may have come through reverse proxies ({@code
 * http.trusted-proxies}). Only when the connecting peer is a trusted proxy is {@code
 * X-Forwarded-For} read, right to left, skipping further trusted proxies; the first address that is
 * not a trusted proxy is the client. A header sent by anyone else is ignored: the peer is the
 * client. An entry that is not a literal address (a name, {@code unknown}, garbage) ends the walk,
 * and the nearest proxy that can be vouched for counts as the client, so a forged or broken header
 * can never name an arbitrary address or fail the request.
 *
 * <p>RFC 7239 {@code Forwarded} is deliberately not read: a proxy passes on the headers it does not
 * set, so trusting two headers lets a client forge whichever one the proxy leaves alone. Proxies
 * must set {@code X-Forwarded-For} (nginx {@code $proxy_add_x_forwarded_for}, HAProxy {@code option
 * forwardfor}). Immutable and thread-safe.
 */
public final class TrustedProxies {
  /** More hops than this are not walked (the header is client-controlled in its left part). */
  static final int MAX_HOPS = 32;

  private final PrefixTable<Boolean> table = new PrefixTable<>();
  private final List<String> blocks;

  private TrustedProxies(List<String> blocks) {
    this.blocks = blocks;
  }

  /** No proxy is trusted: the peer is always the client. */
  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /**
   * @param blocks CIDR blocks (or single addresses) of the proxies in front of Cordon
   * @throws IllegalArgumentException naming a malformed block
   */
  public static TrustedProxies of(List<String> blocks) {
    TrustedProxies built = new TrustedProxies(List.copyOf(blocks));
    for (String text : blocks) {
      built.table.put(Cidr.parse(text), Boolean.TRUE);
    }
    return built;
  }

  /** The configured blocks. */
  public List<String> blocks() {
    return blocks;
  }

  /** Equal when configured alike (as configuration values compare). */
  @Override
  public boolean equals(Object o) {
    return o instanceof TrustedProxies p && blocks.equals(p.blocks);
  }

  @Override
  public int hashCode() {
    return blocks.hashCode();
  }

  @Override
  public String toString() {
    return "TrustedProxies" + blocks;
  }

  /** Whether {@code address} is a trusted proxy; a malformed address never is. */
  public boolean isTrusted(String address) {
    return IpAddresses.parse(address).flatMap(table::longestMatch).isPresent();
  }

  /**
   * The client address of a request.
   *
   * @param peer the address of the TCP peer
   * @param forwardedFor the {@code X-Forwarded-For} header lines in the order received (empty when
   *     absent); several lines are one comma-separated list (RFC 9110 §5.3)
   * @return a canonical literal address, or {@code peer} as given if the peer is not an address
   */
  public String clientAddress(String peer, List<String> forwardedFor) {
    Optional<String> canonicalPeer = IpAddresses.canonical(peer);
    if (canonicalPeer.isEmpty()) {
      return peer;
    }
    String client = canonicalPeer.get();
    if (!isTrusted(client) || forwardedFor.isEmpty()) {
      return client;
    }
    List<String> hops = new ArrayList<>();
    for (String line : forwardedFor) {
      for (String entry : line.split(",", -1)) {
        hops.add(entry.strip());
      }
    }
    for (int i = hops.size() - 1, walked = 0; i >= 0 && walked < MAX_HOPS; i--, walked++) {
      Optional<String> hop = IpAddresses.canonical(withoutPort(hops.get(i)));
      if (hop.isEmpty()) {
        return client;
      }
      client = hop.get();
      if (!isTrusted(client)) {
        return client;
      }
    }
    return client;
  }

  /** {@code 1.2.3.4:80} → {@code 1.2.3.4}; {@code [2001:db8::1]:80} → {@code 2001:db8::1}. */
  static String withoutPort(String entry) {
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      return close < 0 ? entry : entry.substring(1, close);
    }
    int colon = entry.indexOf(':');
    if (colon > 0 && colon == entry.lastIndexOf(':') && entry.indexOf('.') > 0) {
      return entry.substring(0, colon);
    }
    return entry;
  }
}
