package io.cordon.inspect;

import io.cordon.content.Classification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The inspection record of one file version: its state, its label now (classification and data
 * types), how many findings of each type inspection made (counts only, never a value or sample),
 * and why, when it is not clean. Immutable.
 *
 * @param classification the version's label: at upload max(workspace default, declared), raised by
 *     the verdict, then changed only by people (raise, or declassify with permission)
 * @param counts findings per entity type name
 * @param mediaType the format the extractor recognised, if it ran
 * @param detail a reason for unscannable, rejected or infected (no content, no file name)
 * @param malware the scanner's signature name for an infected version
 * @param attempts how many times a worker started on it (a verdict that kills workers stops)
 */
public record Verdict(
    InspectionState state,
    Classification classification,
    List<String> dataTypes,
    Map<String, Long> counts,
    Optional<String> mediaType,
    Optional<String> detail,
    Optional<String> malware,
    int attempts,
    Instant updated) {
  public Verdict {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(updated, "updated");
    dataTypes = List.copyOf(new java.util.TreeSet<>(dataTypes));
    counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
    mediaType = mediaType == null ? Optional.empty() : mediaType;
    detail = detail == null ? Optional.empty() : detail;
    malware = malware == null ? Optional.empty() : malware;
  }

  /** The record of a version just stored, before any worker looked at it. */
  public static Verdict pending(Classification initial, List<String> dataTypes, Instant now) {
    return new Verdict(
        InspectionState.PENDING,
        initial,
        dataTypes,
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        0,
        now);
  }

  /**
   * Whether nobody but the workspace's owners and managers may take the content: pending, hostile,
   * infected, or holding credentials. The policy decides this from the attributes (this is what the
   * default policy says, for messages and listings).
   */
  public boolean isQuarantined() {
    return switch (state) {
      case PENDING, REJECTED, INFECTED -> true;
      case CLEAN, FLAGGED, UNSCANNABLE -> dataTypes.contains(DataType.SECRET.code());
    };
  }

  /** The same record with another label (a person raised or lowered it). */
  public Verdict relabelled(Classification to, Instant now) {
    return new Verdict(state, to, dataTypes, counts, mediaType, detail, malware, attempts, now);
  }
}
