package io.cordon.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import io.cordon.testing.FreshPostgres;
import io.cordon.testing.MetadataStoreContract;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The metadata contract on PostgreSQL. The class works in its own fresh database, dropped at the
 * end. The server is taken from {@code CORDON_TEST_POSTGRES} (a JDBC URL of a server, without a
 * database), default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code postgres}. Without a
 * reachable server the class is skipped, except under CI ({@code CI=true}), where it fails.
 */
class PostgresMetadataStoreIT extends MetadataStoreContract {
  private static FreshPostgres database;
  private static String unreachable;

  @BeforeAll
  static void createDatabase() {
    try {
      database = FreshPostgres.create("cordon_it");
    } catch (TestAbortedException e) {
      // Recorded rather than aborted here: an abort in @BeforeAll shows as zero tests, while
      // aborting each test (in newStore) reports every one as skipped, with this reason.
      unreachable = e.getMessage();
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected MetadataStore newStore() {
    Assumptions.assumeTrue(unreachable == null, unreachable);
    return MetadataStores.open(database.url(), java.nio.file.Path.of("unused"));
  }

  @Test
  void open_twice_migratesOnceAndSharesData() {
    try (MetadataStore other = newStore()) {
      assertThat(other.kind()).isEqualTo("postgresql");
      other.inTransaction(
          tx -> {
            tx.settings().put("shared", "yes");
            return null;
          });
      assertThat(store().read((Transaction tx) -> tx.settings().get("shared"))).contains("yes");
    }
  }
}
