package io.cordon.detect.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small builder for an alert's ordered evidence map. */
public final class Evidence {
  private final Map<String, Object> map = new LinkedHashMap<>();

  public static Evidence of(String key, Object value) {
    return new Evidence().and(key, value);
  }

  public Evidence and(String key, Object value) {
    if (value != null) {
      map.put(key, value instanceof Double d ? Math.round(d * 100) / 100.0 : value);
    }
    return this;
  }

  public Map<String, Object> map() {
    return map;
  }
}
