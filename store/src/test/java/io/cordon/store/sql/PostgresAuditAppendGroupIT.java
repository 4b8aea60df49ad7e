package io.cordon.store.sql;

import io.cordon.testing.FreshPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.opentest4j.TestAbortedException;

/**
 * Audit appends in groups on PostgreSQL, in a fresh database of its own (see {@link
 * FreshPostgres}); skipped without a reachable server, except under CI.
 */
class PostgresAuditAppendGroupIT extends AuditAppendGroupContract {
  private static FreshPostgres database;
  private static String unreachable;

  @BeforeAll
  static void createDatabase() {
    try {
      database = FreshPostgres.create("cordon_append_group");
    } catch (TestAbortedException e) {
      unreachable = e.getMessage(); // each test then reports itself skipped, with this reason
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  @Override
  JdbiMetadataStore newStore() {
    Assumptions.assumeTrue(unreachable == null, unreachable);
    return (JdbiMetadataStore) MetadataStores.open(database.url(), Path.of("unused"));
  }
}
