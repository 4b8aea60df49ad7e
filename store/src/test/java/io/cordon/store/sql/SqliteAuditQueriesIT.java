package io.cordon.store.sql;

import io.cordon.storage.MetadataStore;
import io.cordon.testing.AuditQueriesContract;
import io.cordon.testing.Samples;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Audit search on SQLite. */
class SqliteAuditQueriesIT extends AuditQueriesContract {
  @TempDir static Path dir;

  @Override
  protected MetadataStore newStore() {
    return SqliteMetadataStore.open(dir.resolve(Samples.unique("search") + ".db"));
  }
}
