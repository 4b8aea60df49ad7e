package io.cordon.inspect;

import io.cordon.inspect.internal.Scanner;
import io.cordon.inspect.internal.Text;
import io.cordon.inspect.internal.Utf8Reader;
import io.cordon.inspect.internal.WindowedScan;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content-inspection engine: built-in detectors plus custom ones from configuration, run in one
 * pass over text of any length with bounded memory, then labelled by the {@link Classifier} rules.
 * Findings carry redacted samples only. Immutable and thread-safe: each call uses its own scanner.
 */
public final class Inspector {
  /** Findings below this confidence are not reported (context-free weak patterns). */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.5;

  /** Findings kept per text; the rest are counted. */
  public static final int DEFAULT_MAX_FINDINGS = 10_000;

  private final List<CustomDetector> custom;
  private final double minConfidence;
  private final int maxFindings;
  private final int window;

  private Inspector(
      List<CustomDetector> custom, double minConfidence, int maxFindings, int window) {
    this.custom = List.copyOf(custom);
    this.minConfidence = minConfidence;
    this.maxFindings = maxFindings;
    this.window = window;
  }

  public static Inspector standard() {
    return withCustom(List.of());
  }

  public static Inspector withCustom(List<CustomDetector> custom) {
    return new Inspector(
        custom, DEFAULT_MIN_CONFIDENCE, DEFAULT_MAX_FINDINGS, WindowedScan.DEFAULT_WINDOW);
  }

  /** The same inspector with another stream window (in chars); for tests of the windowing. */
  public Inspector withWindow(int chars) {
    return new Inspector(custom, minConfidence, maxFindings, chars);
  }

  public Inspector withMaxFindings(int max) {
    return new Inspector(custom, minConfidence, max, window);
  }

  /** Every finding in {@code text}, scanned whole (for text already in memory). */
  public List<Finding> scan(CharSequence text) {
    List<Finding> out = new ArrayList<>();
    Text t = Text.of(text);
    new Scanner(custom, minConfidence).scan(t, 0, t.length(), 0, 0, out::add);
    return out;
  }

  /** Inspects a character stream of any length in windows. */
  public TextInspection inspect(Reader in) throws IOException {
    return inspect(in, null);
  }

  /** Inspects UTF-8 bytes; malformed sequences become U+FFFD and are counted. */
  public TextInspection inspectUtf8(InputStream in) throws IOException {
    Utf8Reader reader = new Utf8Reader(in);
    return inspect(reader, reader);
  }

  private TextInspection inspect(Reader in, Utf8Reader utf8) throws IOException {
    List<Finding> kept = new ArrayList<>();
    Map<String, Long> counts = new TreeMap<>();
    List<Finding> labelBasis = new ArrayList<>();
    Map<String, Boolean> seenType = new TreeMap<>();
    boolean[] truncated = {false};
    long chars =
        new WindowedScan(new Scanner(custom, minConfidence), window)
            .scan(
                in,
                f -> {
                  counts.merge(f.type().name(), 1L, Long::sum);
                  // One finding per type is enough for the label, whatever the limit.
                  if (seenType.putIfAbsent(f.type().name(), Boolean.TRUE) == null) {
                    labelBasis.add(f);
                  }
                  if (kept.size() < maxFindings) {
                    kept.add(f);
                  } else {
                    truncated[0] = true;
                  }
                });
    Label label = Classifier.label(labelBasis);
    return new TextInspection(
        label, kept, counts, chars, truncated[0], utf8 == null ? 0 : utf8.invalidSequences());
  }
}
