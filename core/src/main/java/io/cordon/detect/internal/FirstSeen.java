package io.cordon.detect.internal;

import io.cordon.detect.Event;
import io.cordon.detect.Outcome;
import io.cordon.detect.Severity;
import java.util.Locale;

/**
 * First-seen country, network and device for a user. A new country alone is low (people travel);
 * with a new device it is medium; with a new device in a country the user's whole peer group has
 * never worked from it is high; sensitive downloads within the hour after a new-country sign-in
 * raise it again as high. A new device on a new network is low; a new network alone is only
 * evidence. Warm-up: values are learned, and only a country never seen in the peer group is raised
 * (low).
 */
public final class FirstSeen implements Detector {
  public static final String COUNTRY = "first_seen_country";
  public static final String DEVICE = "first_seen_device";

  private final int warmUpEvents;
  private final int warmUpDays;

  public FirstSeen(int warmUpEvents, int warmUpDays) {
    this.warmUpEvents = warmUpEvents;
    this.warmUpDays = warmUpDays;
  }

  @Override
  public void observe(Event e, UserProfile u, PeerGroup peer, Raise out) {
    if (e.outcome() != Outcome.SUCCESS) {
      return;
    }
    String net = network(e.ip());
    boolean newCountry = e.country() != null && !u.countries.contains(e.country());
    boolean newDevice = e.device() != null && !u.devices.contains(e.device());
    boolean newNet = net != null && !u.networks.contains(net);
    boolean peerKnows = e.country() == null || peer.countries.contains(e.country());
    boolean warm = u.warm(warmUpEvents, warmUpDays) && u.countries.size() > 0;
    if (newCountry && (warm || !peerKnows && peer.countries.size() >= 2)) {
      Severity s =
          !warm
              ? Severity.LOW
              : newDevice && !peerKnows
                  ? Severity.HIGH
                  : newDevice ? Severity.MEDIUM : Severity.LOW;
      if (s != Severity.LOW) {
        u.newCountryAt = e.timeMillis();
      }
      out.alert(
          e,
          u.user,
          e.ip(),
          COUNTRY,
          s,
          s == Severity.HIGH ? 0.9 : s == Severity.MEDIUM ? 0.7 : 0.4,
          String.format(
              Locale.ROOT,
              "activity from %s, a country this user has not used before (%d known)%s%s%s",
              e.country(),
              u.countries.size(),
              newDevice ? ", on a new device" : "",
              newNet ? ", from a new network " + net : "",
              peerKnows ? "" : "; nobody in peer group " + peer.key + " has used it either"),
          Evidence.of("country", e.country())
              .and("knownCountries", u.countries.size())
              .and("newDevice", newDevice)
              .and("device", e.device())
              .and("newNetwork", newNet)
              .and("network", net)
              .and("peerGroupKnowsCountry", peerKnows)
              .and("warmUp", !warm)
              .map(),
          SeqList.of(e.seq()));
    } else if (warm && newDevice && newNet && !newCountry) {
      out.alert(
          e,
          u.user,
          e.ip(),
          DEVICE,
          Severity.LOW,
          0.3,
          String.format(
              Locale.ROOT,
              "a device not seen before for this user (%d known) on a new network %s",
              u.devices.size(),
              net),
          Evidence.of("device", e.device())
              .and("knownDevices", u.devices.size())
              .and("network", net)
              .map(),
          SeqList.of(e.seq()));
    }
    if (!newCountry
        && e.isDownload()
        && e.isSensitive()
        && e.timeMillis() - u.newCountryAt <= UserProfile.HOUR
        && u.countries.count(e.country()) < 20) {
      out.alert(
          e,
          u.user,
          e.ip(),
          COUNTRY,
          Severity.HIGH,
          0.9,
          String.format(
              Locale.ROOT,
              "%s file downloaded from %s within an hour of this user's first activity there",
              e.classification(),
              e.country()),
          Evidence.of("country", e.country()).and("classification", e.classification()).map(),
          SeqList.of(e.seq()));
    }
    learn(e, u, peer, net);
  }

  private static void learn(Event e, UserProfile u, PeerGroup peer, String net) {
    if (e.country() != null) {
      u.countries.add(e.country());
      peer.countries.add(e.country());
    }
    if (e.device() != null) {
      u.devices.add(e.device());
    }
    if (net != null) {
      u.networks.add(net);
    }
  }

  /** The /24 of an IPv4 address, the first four groups of an IPv6 one. */
  static String network(String ip) {
    if (ip == null) {
      return null;
    }
    int dot = ip.lastIndexOf('.');
    if (dot > 0 && ip.indexOf(':') < 0) {
      return ip.substring(0, dot) + ".0/24";
    }
    int colons = 0;
    for (int i = 0; i < ip.length(); i++) {
      if (ip.charAt(i) == ':' && ++colons == 4) {
        return ip.substring(0, i) + "::/64";
      }
    }
    return ip;
  }
}
