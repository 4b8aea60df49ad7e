package io.cordon.store.sql;

import io.cordon.storage.MetadataStore;
import io.cordon.testing.Samples;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail's tamper evidence and signed checkpoints on SQLite; tampering goes through a
 * second connection to the database file.
 */
class SqliteAuditIntegrityIT extends StoreAuditIntegrityContract {
  @TempDir static Path dir;
  private Path file;

  @Override
  protected MetadataStore freshStore() {
    file = dir.resolve(Samples.unique("tamper") + ".db");
    return SqliteMetadataStore.open(file);
  }

  @Override
  protected String jdbcUrl() {
    return "jdbc:sqlite:" + file;
  }
}
