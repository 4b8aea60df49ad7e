package io.cordon.store.sql;

import io.cordon.crypto.KeyVault;
import io.cordon.storage.MetadataStore;
import io.cordon.store.keys.SealedFileKeyVault;
import io.cordon.store.keys.Sealing;
import io.cordon.testing.AuditCheckpointContract;
import io.cordon.testing.Samples;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail's tamper evidence and signed checkpoints on SQLite; tampering goes through a
 * second connection.
 */
class SqliteAuditIntegrityIT extends AuditCheckpointContract {
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

  @TempDir static Path dir;
  private Path file;

  @Override
  protected MetadataStore freshStore() {
    file = dir.resolve(Samples.unique("tamper") + ".db");
    return SqliteMetadataStore.open(file);
  }

  @Override
  protected void tamper(String sql, Object... parameters) {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement st = raw.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        st.setObject(i + 1, parameters[i]);
      }
      st.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError("tampering failed: " + sql, e);
    }
  }
}
