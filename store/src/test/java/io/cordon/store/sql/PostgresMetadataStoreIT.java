package io.cordon.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import io.cordon.testing.MetadataStoreContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metadata contract on PostgreSQL. The class works in its own fresh database, dropped at the
 * end. The server is taken from {@code CORDON_TEST_POSTGRES} (a JDBC URL of a server, without a
 * database), default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code postgres}. Without a
 * reachable server the class is skipped, except under CI ({@code CI=true}), where it fails.
 */
class PostgresMetadataStoreIT extends MetadataStoreContract {
  private static final String SERVER =
      System.getenv().getOrDefault("CORDON_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String CREDENTIALS = "?user=postgres";
  private static String database;
  private static String unreachable;

  @BeforeAll
  static void createDatabase() {
    database = "cordon_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres" + CREDENTIALS);
        Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      database = null;
      String why = "PostgreSQL not reachable at " + SERVER + " (" + e.getMessage() + ")";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(why + "; CI needs it", e);
      }
      // Recorded rather than aborted here: an abort in @BeforeAll shows as zero tests, while
      // aborting each test (in newStore) reports every one as skipped, with this reason.
      unreachable = why + ": skipping the PostgreSQL contract";
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database == null) {
      return;
    }
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres" + CREDENTIALS);
        Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Override
  protected MetadataStore newStore() {
    Assumptions.assumeTrue(unreachable == null, unreachable);
    return MetadataStores.open(SERVER + database + CREDENTIALS, java.nio.file.Path.of("unused"));
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
