package io.cordon.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes simulated events in API.md's event format with Jackson's streaming generator: fields that
 * do not apply are left out, times are RFC 3339 UTC with milliseconds.
 */
final class EventJson {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private EventJson() {}

  static String time(long epochMillis) {
    return MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }

  static void write(JsonGenerator g, long seq, SimEvent e) throws IOException {
    g.writeStartObject();
    g.writeNumberField("seq", seq);
    g.writeStringField("time", time(e.time()));
    g.writeObjectFieldStart("actor");
    SimEvent.Actor a = e.actor();
    optional(g, "user", a.user());
    optional(g, "username", a.username());
    optional(g, "org", a.org());
    optional(g, "orgKind", a.orgKind());
    strings(g, "roles", a.roles());
    optional(g, "session", e.session());
    optional(g, "auth", e.auth());
    g.writeEndObject();
    g.writeStringField("action", e.action());
    SimEvent.Target t = e.object();
    if (t != null) {
      g.writeObjectFieldStart("object");
      g.writeStringField("type", t.type());
      g.writeStringField("id", t.id());
      optional(g, "name", t.name());
      optional(g, "workspace", t.workspace());
      optional(g, "classification", t.classification());
      strings(g, "dataTypes", t.dataTypes());
      g.writeEndObject();
    }
    g.writeStringField("outcome", e.outcome());
    optional(g, "reason", e.reason());
    SimEvent.Access c = e.context();
    g.writeObjectFieldStart("context");
    g.writeStringField("channel", c.channel());
    optional(g, "ip", c.ip());
    optional(g, "zone", c.zone());
    if (c.geo() != null) {
      g.writeObjectFieldStart("geo");
      g.writeStringField("country", c.geo().country());
      g.writeStringField("city", c.geo().name());
      g.writeNumberField("lat", c.geo().lat());
      g.writeNumberField("lon", c.geo().lon());
      g.writeEndObject();
    }
    optional(g, "device", c.device());
    optional(g, "userAgent", c.userAgent());
    g.writeEndObject();
    if (e.details() != null && !e.details().isEmpty()) {
      g.writeObjectFieldStart("details");
      for (Map.Entry<String, Object> d : e.details().entrySet()) {
        value(g, d.getKey(), d.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void value(JsonGenerator g, String name, Object v) throws IOException {
    switch (v) {
      case Long l -> g.writeNumberField(name, l);
      case Integer i -> g.writeNumberField(name, i);
      case Boolean b -> g.writeBooleanField(name, b);
      case List<?> list -> {
        g.writeArrayFieldStart(name);
        for (Object o : list) {
          g.writeString(String.valueOf(o));
        }
        g.writeEndArray();
      }
      default -> g.writeStringField(name, String.valueOf(v));
    }
  }

  private static void optional(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    if (values != null && !values.isEmpty()) {
      g.writeArrayFieldStart(name);
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    }
  }
}
