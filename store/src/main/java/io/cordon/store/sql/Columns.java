package io.cordon.store.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Conversions between Java values and the portable column types of the schema: times as epoch
 * milliseconds (so stored times have millisecond precision), booleans as 0/1, sets and lists as
 * JSON arrays. Stateless and thread-safe.
 */
final class Columns {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private Columns() {}

  static long millis(Instant time) {
    return time.toEpochMilli();
  }

  static Long millis(Optional<Instant> time) {
    return time.map(Instant::toEpochMilli).orElse(null);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return Instant.ofEpochMilli(rs.getLong(column));
  }

  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
  }

  static Optional<String> optionalText(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  static int flag(boolean value) {
    return value ? 1 : 0;
  }

  static boolean flag(ResultSet rs, String column) throws SQLException {
    return rs.getInt(column) != 0;
  }

  /** A set, sorted so that equal sets are stored as equal text. */
  static String set(Set<String> values) {
    return list(new TreeSet<>(values));
  }

  static Set<String> set(ResultSet rs, String column) throws SQLException {
    return Set.copyOf(list(rs, column));
  }

  static String list(Collection<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings is always serialisable", e);
    }
  }

  static List<String> list(ResultSet rs, String column) throws SQLException {
    try {
      return List.copyOf(JSON.readValue(rs.getString(column), STRINGS));
    } catch (JsonProcessingException e) {
      throw new SQLException("column " + column + " does not hold a JSON list", e);
    }
  }
}
