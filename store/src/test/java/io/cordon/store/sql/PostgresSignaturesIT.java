package io.cordon.store.sql;

import io.cordon.storage.MetadataStore;
import io.cordon.testing.FreshPostgres;
import io.cordon.testing.SignatureStoreContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;

/**
 * Stored signatures and their tamper evidence on PostgreSQL; each test has a fresh database of its
 * own, dropped afterwards. Skipped when PostgreSQL is unreachable, except under CI.
 */
class PostgresSignaturesIT extends SignatureStoreContract {
  private FreshPostgres database;

  @Override
  protected MetadataStore freshStore() {
    database = FreshPostgres.create("cordon_sig");
    return MetadataStores.open(database.url(), Path.of("unused"));
  }

  @Override
  protected String jdbcUrl() {
    return database.url();
  }

  @Override
  protected void dropVersionGuards(Connection raw) throws SQLException {
    // The superuser a database administrator is: user triggers off for this table.
    try (Statement st = raw.createStatement()) {
      st.execute("ALTER TABLE file_versions DISABLE TRIGGER USER");
    }
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }
}
