package io.cordon.store.sql;

import io.cordon.crypto.KeyVault;
import io.cordon.storage.MetadataStore;
import io.cordon.store.keys.SealedFileKeyVault;
import io.cordon.store.keys.Sealing;
import io.cordon.testing.AuditCheckpointContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampering with the audit trail in PostgreSQL, through a second connection; each test has a fresh
 * database of its own, dropped afterwards. The server as in {@link PostgresMetadataStoreIT}:
 * skipped when unreachable, except under CI, where that fails.
 */
class PostgresAuditIntegrityIT extends AuditCheckpointContract {
  @TempDir Path vaultDir;
  private KeyVault vault;

  @Override
  protected KeyVault vault() {
    if (vault == null) {
      vault = SealedFileKeyVault.create(vaultDir, Sealing.insecureDevelopmentKey());
    }
    return vault;
  }

  @AfterEach
  void closeVault() {
    if (vault != null) {
      vault.close();
    }
  }

  private static final String SERVER =
      System.getenv().getOrDefault("CORDON_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String CREDENTIALS = "?user=postgres";
  private String database;

  @Override
  protected MetadataStore freshStore() {
    String name =
        "cordon_tamper_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres" + CREDENTIALS);
        Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      String why = "PostgreSQL not reachable at " + SERVER + " (" + e.getMessage() + ")";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(why + "; CI needs it", e);
      }
      Assumptions.abort(why + ": skipping the PostgreSQL tamper tests");
    }
    database = name;
    return MetadataStores.open(SERVER + database + CREDENTIALS, Path.of("unused"));
  }

  @Override
  protected void tamper(String sql, Object... parameters) {
    try (Connection raw = DriverManager.getConnection(SERVER + database + CREDENTIALS);
        PreparedStatement st = raw.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        st.setObject(i + 1, parameters[i]);
      }
      st.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError("tampering failed: " + sql, e);
    }
  }

  // Runs after the contract's own @AfterEach has closed the store (JUnit runs a subclass's
  // @AfterEach methods first, so this drops with FORCE in case the store is still open).
  @AfterEach
  void dropDatabase() throws SQLException {
    if (database == null) {
      return;
    }
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres" + CREDENTIALS);
        Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }
}
