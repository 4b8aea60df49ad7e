package io.cordon.store.sql;

import io.cordon.storage.MetadataStore;
import io.cordon.testing.FreshPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/**
 * The audit trail's tamper evidence and signed checkpoints on PostgreSQL; each test has a fresh
 * database of its own, dropped afterwards, and tampers through a second connection. Skipped when
 * PostgreSQL is unreachable, except under CI, where that fails.
 */
class PostgresAuditIntegrityIT extends StoreAuditIntegrityContract {
  private FreshPostgres database;

  @Override
  protected MetadataStore freshStore() {
    database = FreshPostgres.create("cordon_tamper");
    return MetadataStores.open(database.url(), Path.of("unused"));
  }

  @Override
  protected String jdbcUrl() {
    return database.url();
  }

  // JUnit runs a subclass's @AfterEach before its superclasses', so the store may still be open:
  // the drop uses FORCE.
  @AfterEach
  void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }
}
