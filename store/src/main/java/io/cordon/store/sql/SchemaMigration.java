package io.cordon.store.sql;

import io.cordon.context.CordonException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a database to the newest schema with the one set of Flyway migrations in {@code
 * db/migration} (SQL) and {@code io.cordon.store.sql.migration} (Java, where a step needs
 * computing), shared by SQLite and PostgreSQL. Safe to run on every start and from several nodes at
 * once (Flyway locks its history table). Stateless.
 */
final class SchemaMigration {
  private SchemaMigration() {}

  static void migrate(DataSource dataSource) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration", "classpath:io/cordon/store/sql/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new CordonException.Unavailable(
          "metadata database could not be migrated: " + e.getMessage(), e);
    }
  }
}
