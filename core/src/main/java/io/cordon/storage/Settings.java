package io.cordon.storage;

import java.util.Optional;

/** Port: small installation-wide values (install id, schema facts). Not for secrets. */
public interface Settings {
  Optional<String> get(String key);

  void put(String key, String value);

  /**
   * Stores {@code value} unless the key already has one, atomically even against another node's
   * concurrent transaction (which then sees the first value).
   *
   * @return whether this call stored it
   */
  boolean putIfAbsent(String key, String value);

  /**
   * Replaces the value of {@code key} only if it is still {@code expected} (compare-and-set),
   * atomically even against another node's concurrent transaction.
   *
   * @return whether this call replaced it
   */
  boolean replace(String key, String expected, String value);
}
