package io.cordon.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.audit.AuditEventCodec;
import io.cordon.context.CordonException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * JSON in and out of the API. Times are RFC 3339 UTC with milliseconds (the audit codec's mapper);
 * request bodies are capped and parsed with strict limits so that a hostile body cannot exhaust
 * memory.
 */
final class Json {
  /** JSON request bodies are small commands; uploads are raw bytes, not JSON. */
  static final int MAX_BODY = 64 * 1024;

  private static final ObjectMapper MAPPER = AuditEventCodec.mapper().copy();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(MAX_BODY).build());
  }

  private Json() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response not serialisable", e);
    }
  }

  /** Reads the request body as a JSON object, refusing non-JSON, oversize or malformed bodies. */
  static JsonNode body(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new CordonException.InvalidInput("the body must be application/json");
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new CordonException.InvalidInput(
            "the JSON body is larger than " + MAX_BODY + " bytes");
      }
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new CordonException.InvalidInput("the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new CordonException.InvalidInput("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CordonException.InvalidInput("the request body could not be read");
    }
  }

  static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new CordonException.InvalidInput("'" + field + "' is required and must be a string");
    }
    return v.asText();
  }

  static java.util.Optional<String> optionalText(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return java.util.Optional.empty();
    }
    if (!v.isTextual()) {
      throw new CordonException.InvalidInput("'" + field + "' must be a string");
    }
    return java.util.Optional.of(v.asText());
  }
}
