package io.cordon.detect.evaluation;

import java.time.Instant;
import java.util.Optional;

/** The parts of an alert (API.md "Alert output") that scoring needs. */
public record Alert(
    Instant time, Optional<String> user, Optional<String> ip, String detector, Severity severity) {
  public Alert {
    if (time == null || severity == null) {
      throw new IllegalArgumentException("an alert needs time and severity");
    }
    if (user.isEmpty() && ip.isEmpty()) {
      throw new IllegalArgumentException("an alert names a user or an ip");
    }
  }
}
