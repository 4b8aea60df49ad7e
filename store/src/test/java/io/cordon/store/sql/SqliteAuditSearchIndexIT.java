package io.cordon.store.sql;

import io.cordon.testing.Samples;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The search copy behind the trail on SQLite: all stores of the class share one file. */
class SqliteAuditSearchIndexIT extends AuditSearchIndexContract {
  @TempDir static Path dir;
  private static Path file;

  @BeforeAll
  static void name() {
    file = dir.resolve(Samples.unique("search-index") + ".db");
  }

  @Override
  JdbiMetadataStore newStore() {
    return SqliteMetadataStore.open(file);
  }
}
