package io.cordon.store.sql;

import io.cordon.content.Classification;
import io.cordon.content.FileId;
import io.cordon.content.FileVersion;
import io.cordon.content.Files;
import io.cordon.content.StoredFile;
import io.cordon.content.WorkspaceId;
import io.cordon.context.CordonException;
import io.cordon.identity.UserId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Files and their versions in the {@code files} and {@code file_versions} tables. Concurrency comes
 * from the database: {@link #findOrCreate} relies on the unique (workspace, name) constraint and
 * {@link #appendVersion} locks the file row (PostgreSQL) or runs under SQLite's single write lock.
 * Lives as long as its transaction.
 */
final class JdbiFiles implements Files {
  private static final String FILE_COLUMNS =
      "f.id AS f_id, f.workspace_id AS f_workspace_id, f.name AS f_name,"
          + " f.created_by AS f_created_by, f.created_ms AS f_created_ms";
  private static final RowMapper<StoredFile> FILE =
      (rs, ctx) ->
          new StoredFile(
              new FileId(rs.getString("f_id")),
              new WorkspaceId(rs.getString("f_workspace_id")),
              rs.getString("f_name"),
              new UserId(rs.getString("f_created_by")),
              Columns.instant(rs, "f_created_ms"));
  private static final RowMapper<FileVersion> VERSION =
      (rs, ctx) ->
          new FileVersion(
              new FileId(rs.getString("file_id")),
              rs.getInt("number"),
              rs.getString("version_id"),
              rs.getLong("size"),
              rs.getString("sha256"),
              rs.getString("blob_key"),
              rs.getBytes("wrapped_dek"),
              Classification.fromCode(rs.getString("classification")),
              Columns.list(rs, "data_types"),
              new UserId(rs.getString("created_by")),
              Columns.instant(rs, "created_ms"));
  private static final RowMapper<FileListing> LISTING =
      (rs, ctx) -> new FileListing(FILE.map(rs, ctx), VERSION.map(rs, ctx));

  private final Handle handle;
  private final SqlDialect dialect;

  JdbiFiles(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public StoredFile findOrCreate(StoredFile candidate) {
    // Insert-if-absent then read: a concurrent creator of the same name makes our insert a no-op
    // (PostgreSQL waits for its commit first), and the read then returns its row.
    handle
        .createUpdate(
            "INSERT INTO files (id, workspace_id, name, created_by, created_ms)"
                + " VALUES (:id, :workspace, :name, :by, :created)"
                + " ON CONFLICT (workspace_id, name) DO NOTHING")
        .bind("id", candidate.id().value())
        .bind("workspace", candidate.workspace().value())
        .bind("name", candidate.name())
        .bind("by", candidate.createdBy().value())
        .bind("created", Columns.millis(candidate.created()))
        .execute();
    return handle
        .createQuery(
            "SELECT " + FILE_COLUMNS + " FROM files f WHERE workspace_id = :ws AND name = :name")
        .bind("ws", candidate.workspace().value())
        .bind("name", candidate.name())
        .map(FILE)
        .one();
  }

  @Override
  public Optional<StoredFile> find(FileId id) {
    return handle
        .createQuery("SELECT " + FILE_COLUMNS + " FROM files f WHERE id = :id")
        .bind("id", id.value())
        .map(FILE)
        .findOne();
  }

  @Override
  public Optional<StoredFile> findByName(WorkspaceId workspace, String name) {
    return handle
        .createQuery(
            "SELECT " + FILE_COLUMNS + " FROM files f WHERE workspace_id = :ws AND name = :name")
        .bind("ws", workspace.value())
        .bind("name", name)
        .map(FILE)
        .findOne();
  }

  @Override
  public FileVersion appendVersion(FileVersion v) {
    // Holding the file row until commit serialises appends per file; the MAX below, a new
    // statement under read committed, then sees every version committed before the lock. The
    // locked read also sees a deletion that committed while this upload streamed.
    Optional<java.time.Instant> deleted =
        handle
            .createQuery("SELECT deleted_ms FROM files WHERE id = :id" + dialect.forUpdate())
            .bind("id", v.file().value())
            .map((rs, ctx) -> Columns.optionalInstant(rs, "deleted_ms"))
            .findOne()
            .orElseThrow(() -> new CordonException.NotFound("no file " + v.file()));
    if (deleted.isPresent()) {
      throw new CordonException.Conflict(
          "the file was deleted while the upload ran; restore it first, or upload under another"
              + " name");
    }
    int number =
        handle
                .createQuery(
                    "SELECT COALESCE(MAX(number), 0) FROM file_versions WHERE file_id = :id")
                .bind("id", v.file().value())
                .mapTo(Integer.class)
                .one()
            + 1;
    FileVersion stored =
        new FileVersion(
            v.file(),
            number,
            v.versionId(),
            v.size(),
            v.sha256(),
            v.blobKey(),
            v.wrappedDek(),
            v.classification(),
            v.dataTypes(),
            v.createdBy(),
            v.created());
    try {
      handle
          .createUpdate(
              "INSERT INTO file_versions (file_id, number, version_id, size, sha256, blob_key,"
                  + " wrapped_dek, classification, data_types, created_by, created_ms) VALUES"
                  + " (:file, :number, :versionId, :size, :sha256, :blob, :dek, :classification,"
                  + " :dataTypes, :by, :created)")
          .bind("file", stored.file().value())
          .bind("number", stored.number())
          .bind("versionId", stored.versionId())
          .bind("size", stored.size())
          .bind("sha256", stored.sha256())
          .bind("blob", stored.blobKey())
          .bind("dek", stored.wrappedDek())
          .bind("classification", stored.classification().code())
          .bind("dataTypes", Columns.list(stored.dataTypes()))
          .bind("by", stored.createdBy().value())
          .bind("created", Columns.millis(stored.created()))
          .execute();
    } catch (JdbiException e) {
      throw dialect.translate(e, "version id " + v.versionId() + " already exists");
    }
    return stored;
  }

  @Override
  public Optional<FileVersion> version(FileId file, int number) {
    return handle
        .createQuery("SELECT * FROM file_versions WHERE file_id = :id AND number = :number")
        .bind("id", file.value())
        .bind("number", number)
        .map(VERSION)
        .findOne();
  }

  @Override
  public Optional<FileVersion> latestVersion(FileId file) {
    return handle
        .createQuery(
            "SELECT * FROM file_versions WHERE file_id = :id AND number ="
                + " (SELECT MAX(number) FROM file_versions WHERE file_id = :id)")
        .bind("id", file.value())
        .map(VERSION)
        .findOne();
  }

  @Override
  public List<FileVersion> versions(FileId file) {
    return handle
        .createQuery("SELECT * FROM file_versions WHERE file_id = :id ORDER BY number")
        .bind("id", file.value())
        .map(VERSION)
        .list();
  }

  @Override
  public List<FileListing> listWithLatest(WorkspaceId workspace) {
    // The inner join drops files without versions (uploads in flight or never finished).
    return handle
        .createQuery(
            "SELECT "
                + FILE_COLUMNS
                + ", v.* FROM files f JOIN file_versions v ON v.file_id = f.id"
                + " WHERE f.workspace_id = :ws AND f.deleted_ms IS NULL AND v.number ="
                + " (SELECT MAX(x.number) FROM file_versions x WHERE x.file_id = f.id)"
                + " ORDER BY f.name")
        .bind("ws", workspace.value())
        .map(LISTING)
        .list();
  }

  @Override
  public List<FileVersion> versionsInWorkspace(WorkspaceId workspace) {
    return handle
        .createQuery(
            "SELECT v.* FROM file_versions v JOIN files f ON f.id = v.file_id"
                + " WHERE f.workspace_id = :ws AND v.purged_ms IS NULL"
                + " ORDER BY v.file_id, v.number")
        .bind("ws", workspace.value())
        .map(VERSION)
        .list();
  }

  @Override
  public void updateWrappedDek(FileId file, int number, byte[] wrappedDek) {
    int rows =
        handle
            .createUpdate(
                "UPDATE file_versions SET wrapped_dek = :dek WHERE file_id = :id"
                    + " AND number = :number")
            .bind("dek", wrappedDek.clone())
            .bind("id", file.value())
            .bind("number", number)
            .execute();
    if (rows == 0) {
      throw new CordonException.NotFound("no version " + number + " of file " + file);
    }
  }

  @Override
  public boolean isBlobReferenced(String blobKey) {
    return handle
        .createQuery(
            "SELECT blob_key FROM file_versions WHERE blob_key = :key AND purged_ms IS NULL"
                + " LIMIT 1")
        .bind("key", blobKey)
        .mapTo(String.class)
        .findOne()
        .isPresent();
  }
}
