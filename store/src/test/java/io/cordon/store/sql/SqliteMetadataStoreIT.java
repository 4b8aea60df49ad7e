package io.cordon.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import io.cordon.identity.Organisation;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import io.cordon.testing.MetadataStoreContract;
import io.cordon.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metadata contract on SQLite, plus what only a file database shows: durability settings. */
class SqliteMetadataStoreIT extends MetadataStoreContract {
  @TempDir static Path dir;

  @Override
  protected MetadataStore newStore() {
    return SqliteMetadataStore.open(dir.resolve(Samples.unique("contract") + ".db"));
  }

  @Test
  void reopen_afterClose_keepsCommittedDataAndAudit() {
    Path file = dir.resolve(Samples.unique("reopen") + ".db");
    Organisation org = Samples.organisation();
    try (MetadataStore first = SqliteMetadataStore.open(file)) {
      first.inTransaction(
          tx -> {
            tx.organisations().insert(org);
            return tx.audit().append(Samples.event("organisation.create"));
          });
    }

    try (MetadataStore second = SqliteMetadataStore.open(file)) {
      assertThat(second.read((Transaction tx) -> tx.organisations().find(org.id()))).contains(org);
      assertThat(second.read((Transaction tx) -> tx.audit().lastSeq())).isEqualTo(1);
    }
  }

  @Test
  void open_always_configuresWalFullSyncForeignKeysAndBusyTimeout() {
    try (SqliteMetadataStore store = SqliteMetadataStore.open(dir.resolve("pragmas.db"))) {
      assertThat(store.pragma("journal_mode")).isEqualToIgnoringCase("wal");
      assertThat(store.pragma("synchronous")).isEqualTo("2"); // FULL
      assertThat(store.pragma("foreign_keys")).isEqualTo("1");
      assertThat(store.pragma("busy_timeout")).isEqualTo("10000");
    }
  }

  @Test
  void close_always_checkpointsWalIntoDatabaseFile() throws SQLException {
    Path file = dir.resolve(Samples.unique("checkpoint") + ".db");
    Organisation org = Samples.organisation();
    try (MetadataStore store = SqliteMetadataStore.open(file)) {
      store.inTransaction(
          tx -> {
            tx.organisations().insert(org);
            return null;
          });
    }

    assertThat(file.resolveSibling(file.getFileName() + "-wal")).doesNotExist();
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = raw.createStatement();
        ResultSet rs = st.executeQuery("SELECT name FROM organisations")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(org.name());
    }
  }

  @Test
  void open_relativeSqliteUrl_resolvesUnderDataDir() {
    Path data = dir.resolve(Samples.unique("data"));

    try (MetadataStore store = MetadataStores.open("sqlite:meta/x.db", data)) {
      assertThat(store.kind()).isEqualTo("sqlite");
    }
    try (MetadataStore store = MetadataStores.open(null, data)) {
      assertThat(store.kind()).isEqualTo("sqlite");
    }

    assertThat(data.resolve("meta/x.db")).isRegularFile();
    assertThat(data.resolve("cordon.db")).isRegularFile();
  }

  @Test
  void open_unknownUrlScheme_invalidInputWithoutEchoingIt() {
    assertThatThrownBy(() -> MetadataStores.open("mysql://root:hunter2@db/x", dir))
        .isInstanceOf(CordonException.InvalidInput.class)
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void open_fileIsNotADatabase_unavailable() throws Exception {
    Path junk = dir.resolve(Samples.unique("junk") + ".db");
    Files.write(junk, new byte[4096]);
    Files.writeString(junk, "this is not an SQLite database, just text padding it out.");

    assertThatThrownBy(() -> SqliteMetadataStore.open(junk))
        .isInstanceOf(CordonException.Unavailable.class);
  }
}
