package io.cordon.detect.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Streams alerts in API.md's "Alert output" format (one JSON object per line) to a consumer, so an
 * alerts file of any length is scored in bounded memory. A defective line stops the reading with an
 * error naming its line.
 */
public final class AlertReader {
  private AlertReader() {}

  /** Reads every alert; returns how many were read. */
  public static long read(String name, BufferedReader in, Consumer<Alert> sink) {
    JsonLines lines = new JsonLines(name, in);
    long count = 0;
    for (Optional<ObjectNode> o = lines.next(); o.isPresent(); o = lines.next()) {
      ObjectNode a = o.get();
      Severity severity;
      try {
        severity = Severity.fromCode(lines.text(a, "severity"));
      } catch (IllegalArgumentException e) {
        throw lines.fail(e.getMessage());
      }
      Optional<String> user = lines.optionalText(a, "user");
      Optional<String> ip = lines.optionalText(a, "ip");
      if (user.isEmpty() && ip.isEmpty()) {
        throw lines.fail("an alert must name a 'user' or an 'ip'");
      }
      sink.accept(
          new Alert(
              lines.time(a, "time"),
              user,
              ip,
              lines.optionalText(a, "detector").orElse("unknown"),
              severity,
              lines.sequenceNumbers(a, "events")));
      count++;
    }
    return count;
  }
}
