package io.cordon.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Turns events into the JSON of API.md's event format and back. One line per event, no whitespace,
 * times as RFC 3339 UTC with milliseconds. Thread-safe.
 */
public final class AuditEventCodec {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);
  private static final ObjectMapper MAPPER = newMapper();

  private AuditEventCodec() {}

  /** The mapper used for events; also suitable for any API JSON that carries events. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String toJson(AuditEvent event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event not serialisable", e);
    }
  }

  public static AuditEvent fromJson(String json) {
    try {
      return MAPPER.readValue(json, AuditEvent.class);
    } catch (JsonProcessingException e) {
      throw new io.cordon.context.CordonException.InvalidInput(
          "not an event: " + e.getOriginalMessage());
    }
  }

  /**
   * The export form of a stored event (audit export, the events endpoint): the event's own JSON
   * with {@code leaf} added, the base64 of the exact bytes its leaf hash covers, so that anyone can
   * recompute the hash without trusting how this JSON was re-serialised.
   */
  public static String exportJson(AuditRecord record) {
    try {
      JsonNode parsed = MAPPER.readTree(record.leaf());
      if (!(parsed instanceof ObjectNode event)) {
        throw new IllegalStateException("stored event " + record.seq() + " is not a JSON object");
      }
      event.put("leaf", Base64.getEncoder().encodeToString(record.leaf()));
      return MAPPER.writeValueAsString(event);
    } catch (IOException e) {
      throw new IllegalStateException("stored event " + record.seq() + " is not JSON", e);
    }
  }

  /** Formats a time as API.md wants it: RFC 3339, UTC, milliseconds. */
  public static String formatTime(Instant time) {
    return MILLIS.format(time.truncatedTo(ChronoUnit.MILLIS));
  }

  private static ObjectMapper newMapper() {
    SimpleModule times = new SimpleModule("cordon-times");
    times.addSerializer(
        Instant.class,
        new JsonSerializer<Instant>() {
          @Override
          public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            gen.writeString(formatTime(value));
          }
        });
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(times)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }
}
