package io.cordon.store.sql;

import io.cordon.storage.MetadataStore;
import io.cordon.testing.Samples;
import io.cordon.testing.SignatureStoreContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Stored signatures and their tamper evidence on SQLite, tampering through a second connection. */
class SqliteSignaturesIT extends SignatureStoreContract {
  @TempDir static Path dir;
  private Path file;

  @Override
  protected MetadataStore freshStore() {
    file = dir.resolve(Samples.unique("signatures") + ".db");
    return SqliteMetadataStore.open(file);
  }

  @Override
  protected String jdbcUrl() {
    return "jdbc:sqlite:" + file;
  }

  @Override
  protected void dropVersionGuards(Connection raw) throws SQLException {
    // SQLite cannot disable a trigger, but whoever holds the file can drop it.
    List<String> triggers = new ArrayList<>();
    try (Statement st = raw.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                    + " AND tbl_name = 'file_versions'")) {
      while (rs.next()) {
        triggers.add(rs.getString(1));
      }
    }
    try (Statement st = raw.createStatement()) {
      for (String t : triggers) {
        st.execute("DROP TRIGGER \"" + t.replace("\"", "\"\"") + "\"");
      }
    }
  }
}
