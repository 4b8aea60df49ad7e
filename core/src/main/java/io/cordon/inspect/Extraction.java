package io.cordon.inspect;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of extracting and inspecting one file.
 *
 * @param status how far extraction got
 * @param mediaType the format the bytes were recognised as (e.g. {@code text/plain})
 * @param detail a human-readable reason for any status but {@link Status#COMPLETE} (no content of
 *     the file, no file name); empty when complete
 * @param inspection what the detectors found in the text extracted (present for {@link
 *     Status#COMPLETE} and {@link Status#TRUNCATED}; for the others, what was read before the stop,
 *     if anything)
 */
public record Extraction(
    Status status, String mediaType, String detail, Optional<TextInspection> inspection) {

  /** How far extraction got. */
  public enum Status {
    /** All text was extracted and inspected. */
    COMPLETE,
    /** A size, character or time limit stopped extraction; what was read was inspected. */
    TRUNCATED,
    /** The content cannot be read: encrypted, or a format no adapter understands. */
    UNSCANNABLE,
    /** The content is hostile or malformed: a zip bomb, too deep, too many entries, corrupt. */
    REJECTED
  }

  public Extraction {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(inspection, "inspection");
  }

  public static Extraction complete(String mediaType, TextInspection inspection) {
    return new Extraction(Status.COMPLETE, mediaType, "", Optional.of(inspection));
  }

  public static Extraction unscannable(String mediaType, String detail) {
    return new Extraction(Status.UNSCANNABLE, mediaType, detail, Optional.empty());
  }
}
