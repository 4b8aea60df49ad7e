package io.cordon.audit;

import io.cordon.audit.AuditEvent.Outcome;
import io.cordon.content.WorkspaceId;
import io.cordon.context.CordonException;
import io.cordon.identity.OrgId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The text form of an {@link AuditFilter}, as the HTTP query string and the CLI options carry it.
 * Every channel parses through here, so a value means the same everywhere and a bad one gets the
 * same message, naming the parameter. Stateless.
 */
public final class AuditFilterParameters {
  public static final String ACTOR = "actor";
  public static final String ORG = "org";
  public static final String ACTION = "action";
  public static final String OBJECT_TYPE = "objectType";
  public static final String OBJECT = "object";
  public static final String WORKSPACE = "workspace";
  public static final String OUTCOME = "outcome";
  public static final String SINCE = "since";
  public static final String UNTIL = "until";
  public static final String FROM = "from";
  public static final String TO = "to";

  /** Every parameter name, in the order the documentation lists them. */
  public static final List<String> NAMES =
      List.of(ACTOR, ORG, ACTION, OBJECT_TYPE, OBJECT, WORKSPACE, OUTCOME, SINCE, UNTIL, FROM, TO);

  /** RFC 3339 date-time: {@code T}/{@code Z} in either case, an offset, optional fraction. */
  private static final DateTimeFormatter RFC_3339 =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .appendOffsetId()
          .toFormatter(Locale.ROOT);

  private AuditFilterParameters() {}

  /**
   * Builds a filter from raw values.
   *
   * @param parameter the raw value of a parameter by name, null when absent
   * @throws CordonException.InvalidInput naming the first bad parameter
   */
  public static AuditFilter parse(Function<String, String> parameter) {
    return new AuditFilter(
        given(parameter, ACTOR),
        given(parameter, ORG).map(v -> id(v, ORG, OrgId::new)),
        given(parameter, ACTION).map(ActionPattern::parse),
        given(parameter, OBJECT_TYPE),
        given(parameter, OBJECT),
        given(parameter, WORKSPACE).map(v -> id(v, WORKSPACE, WorkspaceId::new)),
        given(parameter, OUTCOME).map(AuditFilterParameters::outcome),
        given(parameter, SINCE).map(v -> time(v, SINCE)),
        given(parameter, UNTIL).map(v -> time(v, UNTIL)),
        given(parameter, FROM).map(v -> seq(v, FROM)).orElse(1L),
        given(parameter, TO).map(v -> seq(v, TO)).orElse(Long.MAX_VALUE));
  }

  /** An RFC 3339 time, such as {@code 2026-11-22T18:00:00Z} or {@code …T19:00:00.5+01:00}. */
  public static Instant time(String text, String name) {
    try {
      return OffsetDateTime.parse(text, RFC_3339).toInstant();
    } catch (DateTimeParseException e) {
      throw new CordonException.InvalidInput(
          "'" + name + "' must be an RFC 3339 time such as 2026-11-22T18:00:00Z");
    }
  }

  /** A sequence number: a whole number of 1 or more. */
  public static long seq(String text, String name) {
    try {
      long value = Long.parseLong(text);
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the one message below
    }
    throw new CordonException.InvalidInput("'" + name + "' must be a sequence number of 1 or more");
  }

  private static Outcome outcome(String text) {
    try {
      return Outcome.fromCode(text);
    } catch (IllegalArgumentException e) {
      throw new CordonException.InvalidInput("'outcome' must be success, denied or error");
    }
  }

  private static <T> T id(String text, String name, Function<String, T> make) {
    try {
      return make.apply(text);
    } catch (CordonException.InvalidInput e) {
      throw new CordonException.InvalidInput("'" + name + "' is not a well-formed " + name + " id");
    }
  }

  private static Optional<String> given(Function<String, String> parameter, String name) {
    String value = parameter.apply(name);
    if (value != null && value.isEmpty()) {
      throw new CordonException.InvalidInput("'" + name + "' is empty; leave it out instead");
    }
    return Optional.ofNullable(value);
  }
}
