package io.cordon.detect.internal;

import java.util.Arrays;

/** Median and MAD over small samples: robust baselines that one outlier does not move. */
public final class Robust {
  private Robust() {}

  /** The median of the first {@code n} values (copies; the input is left alone). */
  public static double median(float[] values, int n) {
    if (n == 0) {
      return 0;
    }
    float[] s = Arrays.copyOf(values, n);
    Arrays.sort(s);
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
  }

  /** Median absolute deviation around {@code median}, scaled to a normal sigma (x 1.4826). */
  public static double mad(float[] values, int n, double median) {
    if (n == 0) {
      return 0;
    }
    float[] d = new float[n];
    for (int i = 0; i < n; i++) {
      d[i] = (float) Math.abs(values[i] - median);
    }
    return 1.4826 * median(d, n);
  }
}
