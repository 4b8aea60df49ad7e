package io.cordon.simulate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code truth.jsonl}: a first line describing the world (format, seed, users, days,
 * user-days, time span, event count, the address plan), then one line per injected scenario.
 * docs/simulation.md documents every field.
 */
final class TruthWriter {
  static final String FORMAT = "cordon-truth/1";

  private TruthWriter() {}

  static void write(
      OutputStream truth,
      JsonFactory factory,
      SimulationSettings settings,
      Timeline timeline,
      List<InjectedScenario> scenarios)
      throws IOException {
    try (JsonGenerator g = factory.createGenerator(truth, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("kind", "world");
      g.writeStringField("format", FORMAT);
      g.writeNumberField("seed", settings.seed());
      g.writeNumberField("users", settings.users());
      g.writeNumberField("days", settings.days());
      g.writeNumberField("userDays", (long) settings.users() * settings.days());
      g.writeStringField("startDay", settings.start().toString());
      if (timeline.written() > 0) {
        g.writeStringField("start", EventJson.time(timeline.firstTime()));
        g.writeStringField("end", EventJson.time(timeline.lastTime()));
      }
      g.writeNumberField("events", timeline.written());
      g.writeNumberField("scenarios", scenarios.size());
      g.writeObjectFieldStart("rates");
      for (Map.Entry<ScenarioType, Double> e : settings.rates().entrySet()) {
        g.writeNumberField(e.getKey().code(), e.getValue());
      }
      g.writeEndObject();
      g.writeObjectFieldStart("networks");
      strings(g, "office", List.of("198.51.100.0/24"));
      strings(g, "vpn", List.of("203.0.113.0/24"));
      strings(g, "partnerOffices", List.of("198.19.0.0/16"));
      strings(g, "consumer", List.of("100.64.0.0/10", "2001:db8::/32"));
      strings(g, "hosting", List.of("198.18.0.0/16"));
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
      for (InjectedScenario s : scenarios) {
        scenario(g, s);
        g.writeRaw('\n');
      }
    }
  }

  private static void scenario(JsonGenerator g, InjectedScenario s) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", "scenario");
    g.writeStringField("id", s.id());
    g.writeStringField("type", s.type.code());
    if (s.user != null) {
      g.writeStringField("user", s.user);
    }
    if (s.user == null && !s.ips.isEmpty()) {
      g.writeStringField("ip", s.ips.first());
    }
    strings(g, "users", s.users);
    strings(g, "ips", s.ips);
    strings(g, "targets", s.targets);
    g.writeStringField("start", EventJson.time(s.start));
    g.writeStringField("end", EventJson.time(s.end));
    g.writeBooleanField("bursty", s.type.isBursty());
    g.writeArrayFieldStart("events");
    for (long seq : s.seqs) {
      g.writeNumber(seq);
    }
    g.writeEndArray();
    if (!s.notes.isEmpty()) {
      g.writeObjectFieldStart("notes");
      for (Map.Entry<String, Object> n : s.notes.entrySet()) {
        switch (n.getValue()) {
          case Number v -> g.writeNumberField(n.getKey(), v.longValue());
          case Collection<?> c -> strings(g, n.getKey(), c.stream().map(String::valueOf).toList());
          default -> g.writeStringField(n.getKey(), String.valueOf(n.getValue()));
        }
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, Collection<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
