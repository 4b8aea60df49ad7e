package io.cordon.store.sql;

import io.cordon.storage.MetadataStore;
import io.cordon.testing.AuditTamperContract;
import io.cordon.testing.Samples;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** Tampering with the audit trail in the SQLite file, through a second connection. */
class SqliteAuditTamperIT extends AuditTamperContract {
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
