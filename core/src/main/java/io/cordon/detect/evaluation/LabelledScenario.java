package io.cordon.detect.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One injected scenario from a truth file: its principals ({@code users}, {@code ips}), the
 * accounts it only targeted, its time span and the sequence numbers of its events.
 */
public record LabelledScenario(
    String id,
    String type,
    Set<String> users,
    Set<String> ips,
    Set<String> targets,
    Instant start,
    Instant end,
    boolean bursty,
    List<Long> events) {
  public LabelledScenario {
    if (id == null || type == null || start == null || end == null) {
      throw new IllegalArgumentException("a scenario needs id, type, start and end");
    }
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("scenario " + id + " ends before it starts");
    }
    if (users.isEmpty() && ips.isEmpty()) {
      throw new IllegalArgumentException("scenario " + id + " names no user and no ip");
    }
    users = Set.copyOf(users);
    ips = Set.copyOf(ips);
    targets = Set.copyOf(targets);
    events = List.copyOf(events);
  }
}
