package io.cordon.detect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads one line of API.md's event format into an {@link Event} with Jackson's streaming parser (no
 * tree, unknown fields skipped), or says why it cannot. Only {@code seq}, {@code time}, {@code
 * actor}, {@code action}, {@code object}, {@code outcome}, {@code context} and {@code details} are
 * read. Not thread-safe (keeps a reusable parser factory and scratch state); one per stream.
 */
public final class EventParser {
  /** Lines longer than this are rejected as oversize before parsing. */
  public static final int MAX_LINE_CHARS = 64 * 1024;

  private final JsonFactory json =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(16)
                  .maxStringLength(MAX_LINE_CHARS)
                  .build())
          .build();

  /** The result of parsing a line: exactly one of {@code event} and {@code rejection} is set. */
  public record Parsed(Event event, Rejection rejection) {}

  // Scratch fields filled while one line is parsed.
  private long seq;
  private long time;
  private String username;
  private String userId;
  private String org;
  private boolean partner;
  private String role;
  private String action;
  private String objectId;
  private String workspace;
  private String classification;
  private Outcome outcome;
  private String ip;
  private String country;
  private double lat;
  private double lon;
  private String device;
  private String userAgent;
  private long bytes;
  private int recipientsExternal;
  private boolean externalFlag;
  private String[] recipients = new String[16];
  private int recipientCount;
  private String detailsUsername;

  public Parsed parse(String line) {
    if (line.length() > MAX_LINE_CHARS) {
      return new Parsed(null, Rejection.OVERSIZE);
    }
    try (JsonParser p = json.createParser(line)) {
      return parse(p);
    } catch (IOException e) {
      return new Parsed(null, Rejection.MALFORMED);
    }
  }

  /** Parses the UTF-8 line {@code buf[off, off + len)}. */
  public Parsed parse(byte[] buf, int off, int len) {
    if (len > MAX_LINE_CHARS) {
      return new Parsed(null, Rejection.OVERSIZE);
    }
    try (JsonParser p = json.createParser(buf, off, len)) {
      return parse(p);
    } catch (IOException e) {
      return new Parsed(null, Rejection.MALFORMED);
    }
  }

  private Parsed parse(JsonParser p) {
    reset();
    try {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new Parsed(null, Rejection.MALFORMED);
      }
      readTop(p);
      if (p.nextToken() != null) {
        return new Parsed(null, Rejection.MALFORMED);
      }
    } catch (IOException | RuntimeException e) {
      return new Parsed(null, Rejection.MALFORMED);
    }
    String user = username != null ? username : userId != null ? userId : detailsUsername;
    if (time == Long.MIN_VALUE || action == null || (user == null && ip == null)) {
      return new Parsed(null, Rejection.MISSING_FIELD);
    }
    int external = recipientsExternal >= 0 ? recipientsExternal : countExternal(user);
    if (external == 0 && externalFlag) {
      external = Math.max(1, recipientCount);
    }
    return new Parsed(
        new Event(
            seq,
            time,
            user,
            org,
            partner,
            role,
            action,
            objectId,
            workspace,
            classification,
            outcome,
            ip,
            country,
            lat,
            lon,
            device != null ? device : userAgent,
            bytes,
            external),
        null);
  }

  private void reset() {
    seq = -1;
    time = Long.MIN_VALUE;
    username = userId = org = role = action = objectId = workspace = classification = null;
    ip = country = device = userAgent = detailsUsername = null;
    partner = false;
    outcome = Outcome.SUCCESS;
    lat = lon = Double.NaN;
    bytes = -1;
    recipientsExternal = -1;
    externalFlag = false;
    recipientCount = 0;
  }

  private void readTop(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "seq" -> seq = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : fail();
        case "time" -> time = t == JsonToken.VALUE_STRING ? parseTime(p.getText()) : fail();
        case "action" -> action = text(p, t);
        case "outcome" -> outcome = outcome(text(p, t));
        case "actor" -> readActor(p, t);
        case "object" -> readObject(p, t);
        case "context" -> readContext(p, t);
        case "details" -> readDetails(p, t);
        default -> p.skipChildren();
      }
    }
  }

  private void readActor(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      skipOrFail(p, t);
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "username" -> username = text(p, v);
        case "user" -> userId = text(p, v);
        case "org" -> org = text(p, v);
        case "orgKind" -> partner = "partner".equals(text(p, v));
        case "roles" -> {
          if (v == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
              if (role == null && p.currentToken() == JsonToken.VALUE_STRING) {
                role = p.getText();
              } else {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
  }

  private void readObject(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      skipOrFail(p, t);
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "id" -> objectId = text(p, v);
        case "workspace" -> workspace = text(p, v);
        case "classification" -> classification = text(p, v);
        default -> p.skipChildren();
      }
    }
  }

  private void readContext(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      skipOrFail(p, t);
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "ip" -> ip = text(p, v);
        case "device" -> device = text(p, v);
        case "userAgent" -> userAgent = text(p, v);
        case "geo" -> readGeo(p, v);
        default -> p.skipChildren();
      }
    }
  }

  private void readGeo(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      skipOrFail(p, t);
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "country" -> country = text(p, v);
        case "lat" -> lat = number(p, v);
        case "lon" -> lon = number(p, v);
        default -> p.skipChildren();
      }
    }
  }

  private void readDetails(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      skipOrFail(p, t);
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "bytes" -> bytes = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
        case "username" -> detailsUsername = text(p, v);
        case "external" -> externalFlag = v == JsonToken.VALUE_TRUE;
        case "externalRecipients" ->
            recipientsExternal = v == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
        case "recipients" -> readRecipients(p, v);
        default -> p.skipChildren();
      }
    }
  }

  private void readRecipients(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        if (recipientCount == recipients.length) {
          recipients = java.util.Arrays.copyOf(recipients, recipientCount * 2);
        }
        recipients[recipientCount++] = p.getText();
      } else {
        p.skipChildren();
      }
    }
  }

  /** Recipients whose e-mail domain differs from the actor's; without a domain, all of them. */
  private int countExternal(String user) {
    String domain = domainOf(user);
    int n = 0;
    for (int i = 0; i < recipientCount; i++) {
      String d = domainOf(recipients[i]);
      if (domain == null || d == null || !d.equalsIgnoreCase(domain)) {
        n++;
      }
    }
    return n;
  }

  private static String domainOf(String address) {
    if (address == null) {
      return null;
    }
    int at = address.lastIndexOf('@');
    return at < 0 ? null : address.substring(at + 1);
  }

  private static String text(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    return p.getText();
  }

  private static double number(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      double d = p.getDoubleValue();
      return Double.isFinite(d) ? d : Double.NaN;
    }
    p.skipChildren();
    return Double.NaN;
  }

  private static Outcome outcome(String s) {
    if ("denied".equals(s)) {
      return Outcome.DENIED;
    }
    return "error".equals(s) ? Outcome.ERROR : Outcome.SUCCESS;
  }

  private static void skipOrFail(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.START_ARRAY) {
      throw new IOException("expected an object");
    }
    p.skipChildren();
  }

  private static long fail() throws IOException {
    throw new IOException("wrong type");
  }

  /**
   * RFC 3339 time to epoch milliseconds; the common {@code yyyy-MM-ddTHH:mm:ss.SSSZ} form without
   * allocating, any other offset or precision through {@link OffsetDateTime}.
   */
  static long parseTime(String s) throws IOException {
    if (s.length() == 24
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && s.charAt(10) == 'T'
        && s.charAt(13) == ':'
        && s.charAt(16) == ':'
        && s.charAt(19) == '.'
        && s.charAt(23) == 'Z') {
      int year = digits(s, 0, 4);
      int month = digits(s, 5, 2);
      int day = digits(s, 8, 2);
      int hour = digits(s, 11, 2);
      int minute = digits(s, 14, 2);
      int second = digits(s, 17, 2);
      int milli = digits(s, 20, 3);
      if (year >= 0
          && month >= 1
          && month <= 12
          && day >= 1
          && day <= java.time.YearMonth.of(year, month).lengthOfMonth()
          && hour >= 0
          && hour <= 23
          && minute >= 0
          && minute <= 59
          && second >= 0
          && second <= 59
          && milli >= 0) {
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + milli;
      }
    }
    try {
      return OffsetDateTime.parse(s).toInstant().toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IOException("not an RFC 3339 time");
    }
  }

  private static int digits(String s, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
