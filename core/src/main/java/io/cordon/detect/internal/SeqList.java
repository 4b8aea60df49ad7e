package io.cordon.detect.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Evidence seq numbers, bounded: the first {@code cap} kept, the rest only counted. */
public final class SeqList {
  private long[] seqs = new long[8];
  private int size;
  private long total;
  private final int cap;

  public SeqList(int cap) {
    this.cap = cap;
  }

  public void add(long seq) {
    if (seq < 0) {
      return;
    }
    total++;
    if (size == cap) {
      return;
    }
    if (size == seqs.length) {
      seqs = Arrays.copyOf(seqs, Math.min(cap, size * 2));
    }
    seqs[size++] = seq;
  }

  public void clear() {
    size = 0;
    total = 0;
  }

  public long total() {
    return total;
  }

  public List<Long> toList() {
    List<Long> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(seqs[i]);
    }
    return out;
  }

  public static SeqList of(long... seqs) {
    SeqList l = new SeqList(Math.max(1, seqs.length));
    for (long s : seqs) {
      l.add(s);
    }
    return l;
  }
}
