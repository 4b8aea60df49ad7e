package io.cordon.detect.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The parts of an alert (API.md "Alert output") that scoring needs; {@code events} are the sequence
 * numbers of its evidence.
 */
public record Alert(
    Instant time,
    Optional<String> user,
    Optional<String> ip,
    String detector,
    Severity severity,
    List<Long> events) {
  public Alert {
    events = events == null ? List.of() : List.copyOf(events);
    if (time == null || severity == null) {
      throw new IllegalArgumentException("an alert needs time and severity");
    }
    if (user.isEmpty() && ip.isEmpty()) {
      throw new IllegalArgumentException("an alert names a user or an ip");
    }
  }
}
