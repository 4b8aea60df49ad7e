package io.cordon.detect.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.context.CordonException;
import java.io.BufferedReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a simulator truth file ({@code cordon-truth/1}, docs/simulation.md): a world line first,
 * then one line per scenario. Anything else is refused with its line number.
 */
public final class TruthReader {
  public static final String FORMAT = "cordon-truth/1";

  private TruthReader() {}

  public static Truth read(String name, BufferedReader in) {
    JsonLines lines = new JsonLines(name, in);
    ObjectNode world =
        lines
            .next()
            .orElseThrow(
                () -> new CordonException.InvalidInput(name + ": empty; expected a truth file"));
    if (!"world".equals(world.path("kind").asText())) {
      throw lines.fail("the first line must be the world line (\"kind\":\"world\")");
    }
    String format = lines.text(world, "format");
    if (!format.equals(FORMAT)) {
      throw lines.fail("unsupported truth format '" + format + "' (expected " + FORMAT + ")");
    }
    long users = lines.positiveLong(world, "users");
    long days = lines.positiveLong(world, "days");
    long userDays = lines.positiveLong(world, "userDays");
    List<LabelledScenario> scenarios = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Optional<ObjectNode> o = lines.next(); o.isPresent(); o = lines.next()) {
      LabelledScenario s = scenario(lines, o.get());
      if (!ids.add(s.id())) {
        throw lines.fail("scenario id '" + s.id() + "' appears twice");
      }
      scenarios.add(s);
    }
    return new Truth(users, days, userDays, scenarios);
  }

  private static LabelledScenario scenario(JsonLines lines, ObjectNode o) {
    if (!"scenario".equals(o.path("kind").asText())) {
      throw lines.fail("expected a scenario line (\"kind\":\"scenario\")");
    }
    String id = lines.text(o, "id");
    String type = lines.text(o, "type");
    Set<String> users = lines.strings(o, "users");
    lines.optionalText(o, "user").ifPresent(users::add);
    Set<String> ips = lines.strings(o, "ips");
    lines.optionalText(o, "ip").ifPresent(ips::add);
    Instant start = lines.time(o, "start");
    Instant end = lines.time(o, "end");
    List<Long> events = lines.sequenceNumbers(o, "events");
    try {
      return new LabelledScenario(
          id,
          type,
          users,
          ips,
          lines.strings(o, "targets"),
          start,
          end,
          o.path("bursty").asBoolean(false),
          events);
    } catch (IllegalArgumentException e) {
      throw lines.fail(e.getMessage());
    }
  }
}
