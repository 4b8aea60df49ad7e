package io.cordon.server.web;

import io.cordon.context.CordonException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The requester's stated reason for a request, from the {@code Cordon-Justification} header: what a
 * policy's {@code justification-required} obligation asks for, recorded in the request's audit
 * event. Header values are ASCII, so other letters come percent-encoded as UTF-8 (RFC 3986); the
 * decoded text must be 3 to 1,000 characters with no control characters.
 */
final class Justifications {
  static final String HEADER = "Cordon-Justification";
  static final int MAX_CHARS = 1000;
  private static final int MIN_CHARS = 3;

  private Justifications() {}

  static Optional<String> parse(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    if (header.length() > MAX_CHARS * 9) {
      throw invalid();
    }
    String text;
    try {
      // '+' is a plus here, not a space as in form encoding.
      text = URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8).strip();
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    return typed(text);
  }

  /** A reason typed into a form (already decoded): the same rules as the header's text. */
  static Optional<String> typed(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    text = text.strip();
    if (text.length() < MIN_CHARS
        || text.length() > MAX_CHARS
        || text.codePoints().anyMatch(Character::isISOControl)
        || text.indexOf('\uFFFD') >= 0) {
      throw invalid();
    }
    return Optional.of(text);
  }

  private static CordonException invalid() {
    return new CordonException.InvalidInput(
        HEADER
            + " must be "
            + MIN_CHARS
            + " to "
            + MAX_CHARS
            + " characters of text without control characters (percent-encode non-ASCII as UTF-8)");
  }
}
