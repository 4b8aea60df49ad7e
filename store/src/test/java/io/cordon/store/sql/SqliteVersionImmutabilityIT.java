package io.cordon.store.sql;

import io.cordon.storage.MetadataStore;
import io.cordon.testing.Samples;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Version immutability on SQLite, tampering through a second connection to the file. */
class SqliteVersionImmutabilityIT extends VersionImmutabilityContract {
  @TempDir static Path dir;
  private Path file;

  @Override
  protected MetadataStore freshStore() {
    file = dir.resolve(Samples.unique("immutable") + ".db");
    return SqliteMetadataStore.open(file);
  }

  @Override
  protected String jdbcUrl() {
    return "jdbc:sqlite:" + file;
  }
}
