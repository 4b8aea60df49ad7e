package io.cordon.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.content.Deletion;
import io.cordon.content.FileVersion;
import io.cordon.content.StoredFile;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import io.cordon.testing.Samples;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database itself keeps file versions immutable (migration V6), whoever connects: a direct
 * UPDATE of a version's content columns, a DELETE of an unpurged version, or of a file, is
 * rejected, while the two changes Cordon makes (re-wrapping a data key; purging) still work. This
 * backs 21 CFR Part 11 §11.10(c): records stay accurate and retrievable throughout retention.
 */
abstract class VersionImmutabilityContract {
  private MetadataStore store;
  private StoredFile file;
  private FileVersion version;

  protected abstract MetadataStore freshStore();

  protected abstract String jdbcUrl();

  @BeforeEach
  void seed() {
    store = freshStore();
    store.inTransaction(
        (Transaction tx) -> {
          Samples.Seed seed = Samples.seed(tx);
          file =
              tx.files().findOrCreate(Samples.file(seed.workspace().id(), seed.user().id(), "r"));
          version = tx.files().appendVersion(Samples.version(file.id(), seed.user().id()));
          return null;
        });
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sha256 = 'aa'",
        "blob_key = 'elsewhere'",
        "size = size + 1",
        "version_id = 'v_forged0000000000000'",
        "number = 7",
        "classification = 'public'",
        "data_types = '[]'",
        "created_ms = 0",
        "created_by = 'u_someoneelse00000000'",
        "purged_ms = 1"
      })
  void directUpdate_contentColumn_rejectedAndUnchanged(String assignment) {
    assertThatThrownBy(() -> sql("UPDATE file_versions SET " + assignment + " WHERE file_id = ?"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("immutable");
    assertThat(stored()).usingRecursiveComparison().isEqualTo(version);
  }

  @Test
  void directDelete_unpurgedVersionOrFile_rejected() {
    assertThatThrownBy(() -> sql("DELETE FROM file_versions WHERE file_id = ?"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("kept until purged");
    assertThatThrownBy(() -> sql("DELETE FROM files WHERE id = ?"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("never deleted");
    assertThatThrownBy(() -> sql("UPDATE files SET name = 'renamed' WHERE id = ?"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("immutable");
    assertThat(stored()).usingRecursiveComparison().isEqualTo(version);
  }

  @Test
  void rewrapThenPurge_allowed_andAPurgedVersionIsFrozen() throws SQLException {
    store.inTransaction(
        (Transaction tx) -> {
          tx.files().updateWrappedDek(file.id(), 1, new byte[] {4, 5, 6});
          tx.lifecycle()
              .markDeleted(
                  file.id(),
                  new Deletion(
                      Samples.now(), file.createdBy(), Optional.empty(), Optional.empty()));
          return tx.lifecycle().markPurged(file.id(), Samples.now());
        });
    assertThat(stored().wrappedDek()).isEmpty();

    assertThatThrownBy(
            () -> sql("UPDATE file_versions SET wrapped_dek = wrapped_dek WHERE file_id = ?"))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> sql("UPDATE file_versions SET purged_ms = NULL WHERE file_id = ?"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("immutable");
    assertThat(stored().wrappedDek()).isEmpty();
    assertThat(stored().sha256()).isEqualTo(version.sha256());
  }

  private FileVersion stored() {
    return store.read((Transaction tx) -> tx.files().version(file.id(), 1)).orElseThrow();
  }

  private void sql(String statement) throws SQLException {
    try (Connection raw = DriverManager.getConnection(jdbcUrl());
        PreparedStatement st = raw.prepareStatement(statement)) {
      st.setString(1, file.id().value());
      st.executeUpdate();
    }
  }
}
