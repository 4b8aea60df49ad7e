package io.cordon.store.sql;

import io.cordon.storage.MetadataStore;
import io.cordon.testing.FreshPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Version immutability on PostgreSQL, in a fresh database of its own (dropped at the end),
 * tampering through a second connection. Skipped when PostgreSQL is unreachable, except under CI.
 */
class PostgresVersionImmutabilityIT extends VersionImmutabilityContract {
  private static FreshPostgres database;

  @BeforeAll
  static void createDatabase() {
    database = FreshPostgres.create("cordon_immutable");
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected MetadataStore freshStore() {
    return MetadataStores.open(database.url(), Path.of("unused"));
  }

  @Override
  protected String jdbcUrl() {
    return database.url();
  }
}
