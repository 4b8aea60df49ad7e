package io.cordon.store.sql;

import io.cordon.testing.Samples;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Audit appends in groups on SQLite: all stores of the class share one file. */
class SqliteAuditAppendGroupIT extends AuditAppendGroupContract {
  @TempDir static Path dir;
  private static Path file;

  @BeforeAll
  static void name() {
    file = dir.resolve(Samples.unique("append-group") + ".db");
  }

  @Override
  JdbiMetadataStore newStore() {
    return SqliteMetadataStore.open(file);
  }
}
