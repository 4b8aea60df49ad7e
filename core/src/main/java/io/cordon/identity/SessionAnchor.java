package io.cordon.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * What a session was last verified with: when it last proved a second factor, the network zone and
 * country it was established in (or last stepped up in), and the device it was opened on. A request
 * from another zone or country must prove a second factor again before it is served (continuous
 * verification); the proof moves the anchor to where the request came from. Immutable.
 *
 * @param secondFactorAt when the session last proved a second factor
 * @param zone the network zone at login or the last step-up
 * @param country the ISO country code at login or the last step-up, when a location was known
 * @param device the device id the session was opened on, when the client presented one
 */
public record SessionAnchor(
    Optional<Instant> secondFactorAt,
    Optional<String> zone,
    Optional<String> country,
    Optional<String> device) {
  public SessionAnchor {
    secondFactorAt = secondFactorAt == null ? Optional.empty() : secondFactorAt;
    zone = zone == null ? Optional.empty() : zone;
    country = country == null ? Optional.empty() : country;
    device = device == null ? Optional.empty() : device;
  }

  /** Nothing recorded (a session from before anchors existed: it anchors on its next request). */
  public static SessionAnchor none() {
    return new SessionAnchor(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Whether a request from {@code zone} and {@code country} has moved away from this anchor. An
   * unrecorded part never counts as a move; an unknown country now (no database, or an unlisted
   * address) does not either, but a change of zone always does.
   */
  public boolean movedTo(Optional<String> nowZone, Optional<String> nowCountry) {
    boolean zoneMoved = zone.isPresent() && nowZone.isPresent() && !zone.equals(nowZone);
    boolean countryMoved =
        country.isPresent() && nowCountry.isPresent() && !country.equals(nowCountry);
    return zoneMoved || countryMoved;
  }

  /** The same anchor, bound to a device. */
  public SessionAnchor onDevice(DeviceId id) {
    return new SessionAnchor(secondFactorAt, zone, country, Optional.of(id.value()));
  }

  /** The anchor after a second factor proven at {@code at} from this zone and country. */
  public SessionAnchor steppedUp(
      Instant at, Optional<String> nowZone, Optional<String> nowCountry) {
    return new SessionAnchor(Optional.of(at), nowZone, nowCountry, device);
  }
}
