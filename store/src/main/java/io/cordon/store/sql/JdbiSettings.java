package io.cordon.store.sql;

import io.cordon.storage.Settings;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Settings in the {@code settings} table, one row per name. Lives as long as its transaction. */
final class JdbiSettings implements Settings {
  private final Handle handle;

  JdbiSettings(Handle handle) {
    this.handle = handle;
  }

  @Override
  public Optional<String> get(String key) {
    return handle
        .createQuery("SELECT value FROM settings WHERE name = :name")
        .bind("name", key)
        .mapTo(String.class)
        .findOne();
  }

  @Override
  public void put(String key, String value) {
    // ON CONFLICT … DO UPDATE is spelled the same on SQLite (3.24+) and PostgreSQL (9.5+).
    handle
        .createUpdate(
            "INSERT INTO settings (name, value) VALUES (:name, :value)"
                + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")
        .bind("name", key)
        .bind("value", value)
        .execute();
  }

  @Override
  public boolean putIfAbsent(String key, String value) {
    return handle
            .createUpdate(
                "INSERT INTO settings (name, value) VALUES (:name, :value)"
                    + " ON CONFLICT (name) DO NOTHING")
            .bind("name", key)
            .bind("value", value)
            .execute()
        == 1;
  }

  @Override
  public boolean replace(String key, String expected, String value) {
    return handle
            .createUpdate(
                "UPDATE settings SET value = :value WHERE name = :name AND value = :expected")
            .bind("name", key)
            .bind("expected", expected)
            .bind("value", value)
            .execute()
        == 1;
  }
}
