package io.cordon.detect.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded set of recently seen values (countries, networks, devices, workspaces) with how often
 * each was seen; the least recently seen value is forgotten past the cap. Not thread-safe.
 */
public final class SmallSet {
  private final LinkedHashMap<String, int[]> seen;

  public SmallSet(int cap) {
    seen =
        new LinkedHashMap<>(8, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
            return size() > cap;
          }
        };
  }

  /** Records one sighting; answers whether the value was new. */
  public boolean add(String value) {
    int[] c = seen.get(value);
    if (c == null) {
      seen.put(value, new int[] {1});
      return true;
    }
    c[0]++;
    return false;
  }

  public boolean contains(String value) {
    return seen.containsKey(value);
  }

  public int count(String value) {
    int[] c = seen.get(value);
    return c == null ? 0 : c[0];
  }

  public int size() {
    return seen.size();
  }
}
