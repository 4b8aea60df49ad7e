package io.cordon.inspect;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Per-type true/false positives and false negatives, with precision, recall and F1. */
final class Scores {
  static final class Count {
    int tp;
    int fp;
    int fn;

    double precision() {
      return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private final Map<String, Count> byType = new TreeMap<>();
  private final java.util.List<String> notes = new java.util.ArrayList<>();

  /** Records a miss or a false alarm (redacted samples and offsets only) for the report. */
  void note(String line) {
    notes.add(line);
  }

  java.util.List<String> notes() {
    return notes;
  }

  Count of(String type) {
    return byType.computeIfAbsent(type, t -> new Count());
  }

  /** The micro-averaged count over {@code types}. */
  Count pooled(Collection<String> types) {
    Count c = new Count();
    byType.forEach(
        (t, x) -> {
          if (types.contains(t)) {
            c.tp += x.tp;
            c.fp += x.fp;
            c.fn += x.fn;
          }
        });
    return c;
  }

  String table(String title) {
    StringBuilder b = new StringBuilder(title).append('\n');
    String row = "%-24s %5s %5s %5s %7s %7s %7s%n";
    b.append(String.format(Locale.ROOT, row, "type", "tp", "fp", "fn", "P", "R", "F1"));
    byType.forEach(
        (t, c) ->
            b.append(
                String.format(
                    Locale.ROOT,
                    row,
                    t,
                    c.tp,
                    c.fp,
                    c.fn,
                    String.format(Locale.ROOT, "%.3f", c.precision()),
                    String.format(Locale.ROOT, "%.3f", c.recall()),
                    String.format(Locale.ROOT, "%.3f", c.f1()))));
    return b.toString();
  }
}
