package io.cordon.detect.internal;

/** The last {@code capacity} values of a series, oldest overwritten. Not thread-safe. */
public final class Ring {
  private final float[] values;
  private int next;
  private int size;

  public Ring(int capacity) {
    values = new float[capacity];
  }

  public void add(double v) {
    values[next] = (float) v;
    next = (next + 1) % values.length;
    size = Math.min(size + 1, values.length);
  }

  public int size() {
    return size;
  }

  /** The values in no particular order (the first {@link #size()} entries are valid). */
  public float[] raw() {
    return values;
  }

  public double median() {
    return Robust.median(values, size);
  }

  public double mad(double median) {
    return Robust.mad(values, size, median);
  }
}
