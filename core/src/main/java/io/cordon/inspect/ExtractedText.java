package io.cordon.inspect;

import java.util.Objects;

/**
 * A file's text for display (the view-only viewer shows Office documents this way when no converter
 * is present), extracted under the same limits as inspection. Immutable.
 *
 * @param status how far extraction got; {@link #text} is what was extracted before any stop
 * @param mediaType the format the bytes were recognised as
 * @param detail why extraction stopped, for any status but {@link Extraction.Status#COMPLETE}
 * @param text the text, at most the caller's character limit
 */
public record ExtractedText(
    Extraction.Status status, String mediaType, String detail, String text) {
  public ExtractedText {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(text, "text");
  }
}
