package io.cordon.inspect;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of inspecting one text: its label, the findings (at most the inspector's limit, in
 * text order), how many of each type were found in all, and what the text was. Immutable.
 *
 * @param label classification and data types, computed from every finding (also those past the
 *     limit)
 * @param findings the findings kept, in order of start offset
 * @param counts findings per type name, all of them
 * @param chars UTF-16 chars scanned
 * @param truncated whether findings were dropped because of the limit
 * @param invalidUtf8 malformed UTF-8 sequences replaced by U+FFFD (0 for valid or non-byte input)
 */
public record TextInspection(
    Label label,
    List<Finding> findings,
    Map<String, Long> counts,
    long chars,
    boolean truncated,
    long invalidUtf8) {
  public TextInspection {
    Objects.requireNonNull(label, "label");
    findings = List.copyOf(findings);
    counts = Map.copyOf(counts);
  }
}
