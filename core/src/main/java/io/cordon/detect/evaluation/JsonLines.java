package io.cordon.detect.evaluation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.context.CordonException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a JSON Lines file one object per line and turns every defect into an {@link
 * CordonException.InvalidInput} naming the file and the line: malformed or truncated JSON, a line
 * that is not an object, a missing or mistyped field. Blank lines are skipped. Not thread-safe.
 */
final class JsonLines {
  /**
   * A longer line is refused rather than parsed (a truth line of 100,000 sequence numbers fits).
   */
  static final int MAX_LINE_CHARS = 4 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final BufferedReader in;
  private int line;

  JsonLines(String name, BufferedReader in) {
    this.name = name;
    this.in = in;
  }

  /** The next object, or empty at the end of the file. */
  Optional<ObjectNode> next() {
    try {
      String text;
      while ((text = in.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        if (text.length() > MAX_LINE_CHARS) {
          throw fail("longer than " + MAX_LINE_CHARS + " characters");
        }
        JsonNode node;
        try {
          node = JSON.readTree(text);
        } catch (JacksonException e) {
          throw fail("not valid JSON (" + e.getOriginalMessage() + "); is the line truncated?");
        }
        if (!(node instanceof ObjectNode object)) {
          throw fail("not a JSON object");
        }
        return Optional.of(object);
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }

  int line() {
    return line;
  }

  CordonException.InvalidInput fail(String problem) {
    return new CordonException.InvalidInput(name + " line " + line + ": " + problem);
  }

  String text(ObjectNode o, String field) {
    return optionalText(o, field).orElseThrow(() -> fail("missing field '" + field + "'"));
  }

  Optional<String> optionalText(ObjectNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      throw fail("field '" + field + "' must be a non-empty string");
    }
    return Optional.of(n.asText());
  }

  Instant time(ObjectNode o, String field) {
    String t = text(o, field);
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      throw fail("field '" + field + "' is not an RFC 3339 UTC time: '" + t + "'");
    }
  }

  long positiveLong(ObjectNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || !n.canConvertToExactIntegral() || n.asLong() <= 0) {
      throw fail("field '" + field + "' must be a positive integer");
    }
    return n.asLong();
  }

  List<Long> sequenceNumbers(ObjectNode o, String field) {
    List<Long> out = new ArrayList<>();
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw fail("field '" + field + "' must be an array of sequence numbers");
    }
    for (JsonNode v : n) {
      if (!v.canConvertToExactIntegral() || v.asLong() <= 0) {
        throw fail("field '" + field + "' must hold positive sequence numbers");
      }
      out.add(v.asLong());
    }
    return out;
  }

  Set<String> strings(ObjectNode o, String field) {
    Set<String> out = new LinkedHashSet<>();
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw fail("field '" + field + "' must be an array of strings");
    }
    for (JsonNode v : n) {
      if (!v.isTextual()) {
        throw fail("field '" + field + "' must be an array of strings");
      }
      out.add(v.asText());
    }
    return out;
  }
}
