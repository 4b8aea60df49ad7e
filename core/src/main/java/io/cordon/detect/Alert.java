package io.cordon.detect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert in API.md's "Alert output" shape. {@code time} is the time of the event that raised it
 * (what a streaming system knew then); merged alerts keep the first raising event's time.
 * Immutable.
 *
 * @param timeMillis time of the raising event, epoch milliseconds UTC
 * @param user the username the alert is about, or null for an address alone
 * @param ip the address involved, or null
 * @param detector the detector's stable name, e.g. {@code volume_spike}
 * @param severity severity
 * @param score risk score in [0, 1]
 * @param summary plain words with the numbers
 * @param evidence the rule's numbers or the model's attribution, in insertion order
 * @param events {@code seq} of the evidence events (those that had one), at most {@link
 *     #MAX_EVENTS}
 */
public record Alert(
    long timeMillis,
    String user,
    String ip,
    String detector,
    Severity severity,
    double score,
    String summary,
    Map<String, Object> evidence,
    List<Long> events) {
  /** Evidence seq numbers kept per alert; the count of all of them is in the evidence. */
  public static final int MAX_EVENTS = 200;

  public Alert {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    if (user == null && ip == null) {
      throw new IllegalArgumentException("an alert is about a user or an address");
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    events = List.copyOf(events.size() > MAX_EVENTS ? events.subList(0, MAX_EVENTS) : events);
  }

  /** The subject merged alerts are grouped by: the user, else the address. */
  public String subject() {
    return user != null ? user : "ip:" + ip;
  }
}
