package io.cordon.inspect.internal;

import io.cordon.inspect.EntityType;

/**
 * The best candidate found at one trigger position: detectors offer, the highest confidence wins,
 * then the longest. Mutable and reused across positions; not thread-safe.
 */
public final class Match {
  EntityType type;
  int start;
  int end;
  double confidence;

  void reset() {
    type = null;
    confidence = 0;
  }

  /** Offers a candidate span [start, end) of {@code type} with {@code confidence}. */
  public void offer(EntityType t, int s, int e, double c) {
    if (e <= s || c <= 0) {
      return;
    }
    double conf = Math.min(1.0, c);
    if (type == null || conf > confidence || conf == confidence && e - s > end - start) {
      type = t;
      start = s;
      end = e;
      confidence = conf;
    }
  }

  public boolean found() {
    return type != null;
  }
}
