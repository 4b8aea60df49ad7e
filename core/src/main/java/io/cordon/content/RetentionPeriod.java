package io.cordon.content;

import io.cordon.context.CordonException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * How long a workspace keeps the content of its records: an ISO-8601 date-based period such as
 * {@code P15Y} or {@code P6M}, counted from each version's creation in UTC. Only positive periods
 * of one day to {@link #MAX_YEARS} years are accepted, so that a typing slip can neither purge at
 * once nor overflow a date. Supports EU GMP Annex 11 §17 (data kept for the defined retention
 * period) and 21 CFR Part 11 §11.10(c). Immutable.
 */
public record RetentionPeriod(Period period) {
  /** The longest retention accepted; longer wishes are "keep forever" (no retention rule). */
  public static final int MAX_YEARS = 200;

  private static final Pattern SHAPE =
      Pattern.compile("P(\\d{1,4}Y)?(\\d{1,4}M)?(\\d{1,4}W)?(\\d{1,5}D)?");
  private static final LocalDate REFERENCE = LocalDate.of(2000, 1, 1);

  public RetentionPeriod {
    if (period == null || period.isNegative() || period.isZero()) {
      throw new CordonException.InvalidInput("a retention period must be positive");
    }
    if (REFERENCE.plus(period).isAfter(REFERENCE.plusYears(MAX_YEARS))) {
      throw new CordonException.InvalidInput(
          "a retention period longer than " + MAX_YEARS + " years is not accepted");
    }
  }

  /**
   * Parses an ISO-8601 period of years, months, weeks and days ({@code P15Y}, {@code P1Y6M}, {@code
   * P30D}).
   *
   * @throws CordonException.InvalidInput naming what was wrong; signs, times and fractions are
   *     refused
   */
  public static RetentionPeriod parse(String raw) {
    String text = raw == null ? "" : raw.strip();
    if (text.length() > 32 || !SHAPE.matcher(text).matches() || text.equals("P")) {
      throw new CordonException.InvalidInput(
          "retention must be an ISO-8601 period of years, months, weeks or days such as P15Y,"
              + " P6M or P30D");
    }
    try {
      return new RetentionPeriod(Period.parse(text));
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new CordonException.InvalidInput("retention period out of range: " + text);
    }
  }

  /** When content created at {@code created} may be purged: created plus the period, in UTC. */
  public Instant endsFor(Instant created) {
    return created.atOffset(ZoneOffset.UTC).plus(period).toInstant();
  }

  /**
   * Whether content created at {@code created} has been kept for the whole period by {@code now}.
   */
  public boolean isOver(Instant created, Instant now) {
    return !endsFor(created).isAfter(now);
  }

  /** Whether this period is shorter than {@code other}, measured from the same day. */
  public boolean isShorterThan(RetentionPeriod other) {
    return REFERENCE.plus(period).isBefore(REFERENCE.plus(other.period));
  }

  /** The ISO-8601 text, e.g. {@code P15Y}. */
  @Override
  public String toString() {
    return period.toString();
  }
}
