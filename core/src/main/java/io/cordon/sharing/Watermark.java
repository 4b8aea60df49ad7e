package io.cordon.sharing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Who a view was rendered for, printed on every page so a photographed or printed page still names
 * its viewer: name, e-mail, time (UTC) and the share it came through.
 */
public record Watermark(String name, String email, Instant time, Optional<ShareId> share) {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  public Watermark {
    if (name == null || email == null || time == null) {
      throw new IllegalArgumentException("watermark needs name, e-mail and time");
    }
    share = share == null ? Optional.empty() : share;
    time = time.truncatedTo(ChronoUnit.SECONDS);
  }

  /** The one line printed diagonally and in the footer of every page. */
  public String line() {
    return name
        + " <"
        + email
        + "> "
        + UTC.format(time)
        + " "
        + share.map(s -> "share " + s.value()).orElse("member view");
  }
}
