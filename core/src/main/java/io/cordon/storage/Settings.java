package io.cordon.storage;

import java.util.Optional;

/** Port: small installation-wide values (install id, schema facts). Not for secrets. */
public interface Settings {
  Optional<String> get(String key);

  void put(String key, String value);
}
