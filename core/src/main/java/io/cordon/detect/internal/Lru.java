package io.cordon.detect.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map bounded to a number of entries; the least recently used entry goes first. Keeps the
 * detectors' state bounded whatever the input (a flood of addresses, millions of unknown users).
 * Not thread-safe: the engine is single-threaded.
 */
public final class Lru<K, V> extends LinkedHashMap<K, V> {
  private static final long serialVersionUID = 1L;
  private final int cap;
  private long evicted;

  public Lru(int cap) {
    super(Math.min(cap, 1 << 16), 0.75f, true);
    this.cap = cap;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    if (size() > cap) {
      evicted++;
      return true;
    }
    return false;
  }

  public long evicted() {
    return evicted;
  }
}
