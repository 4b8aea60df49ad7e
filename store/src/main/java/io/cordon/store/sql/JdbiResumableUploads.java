package io.cordon.store.sql;

import io.cordon.content.FileId;
import io.cordon.content.ResumableUpload;
import io.cordon.content.ResumableUploads;
import io.cordon.content.UploadId;
import io.cordon.content.WorkspaceId;
import io.cordon.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Resumable uploads in the {@code uploads} and {@code upload_parts} tables. The offset moves by
 * compare-and-set in the same transaction that records the part, so a part and the offset that
 * counts it commit together. Lives as long as its transaction.
 */
final class JdbiResumableUploads implements ResumableUploads {
  private static final String COLUMNS =
      "id, workspace_id, name, owner_id, length, upload_offset, expected_sha256, wrapped_key,"
          + " created_ms, expires_ms, file_id, file_version, file_sha256";

  private final Handle handle;

  JdbiResumableUploads(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(ResumableUpload u) {
    handle
        .createUpdate(
            "INSERT INTO uploads ("
                + COLUMNS
                + ") VALUES (:id, :ws, :name, :owner, :length, :offset, :sha, :key, :created,"
                + " :expires, NULL, NULL, NULL)")
        .bind("id", u.id().value())
        .bind("ws", u.workspace().value())
        .bind("name", u.name())
        .bind("owner", u.owner().value())
        .bind("length", u.length())
        .bind("offset", u.offset())
        .bind("sha", u.expectedSha256().orElse(null))
        .bind("key", Base64.getEncoder().encodeToString(u.wrappedKey()))
        .bind("created", u.createdAt().toEpochMilli())
        .bind("expires", u.expiresAt().toEpochMilli())
        .execute();
  }

  @Override
  public Optional<ResumableUpload> find(UploadId id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM uploads WHERE id = :id")
        .bind("id", id.value())
        .map((rs, ctx) -> upload(rs))
        .findOne();
  }

  @Override
  public boolean append(UploadId id, long expectedOffset, ResumableUpload.Part part) {
    int moved =
        handle
            .createUpdate(
                "UPDATE uploads SET upload_offset = :next WHERE id = :id"
                    + " AND upload_offset = :expected AND file_id IS NULL"
                    + " AND :next <= length")
            .bind("id", id.value())
            .bind("expected", expectedOffset)
            .bind("next", expectedOffset + part.bytes())
            .execute();
    if (moved != 1) {
      return false;
    }
    handle
        .createUpdate(
            "INSERT INTO upload_parts (upload_id, part, blob_key, bytes)"
                + " VALUES (:id, :part, :blob, :bytes)")
        .bind("id", id.value())
        .bind("part", part.number())
        .bind("blob", part.blobKey())
        .bind("bytes", part.bytes())
        .execute();
    return true;
  }

  @Override
  public List<ResumableUpload.Part> parts(UploadId id) {
    return handle
        .createQuery(
            "SELECT part, blob_key, bytes FROM upload_parts WHERE upload_id = :id ORDER BY part")
        .bind("id", id.value())
        .map(
            (rs, ctx) ->
                new ResumableUpload.Part(
                    rs.getInt("part"), rs.getString("blob_key"), rs.getLong("bytes")))
        .list();
  }

  @Override
  public void complete(UploadId id, ResumableUpload.Completed result) {
    handle
        .createUpdate(
            "UPDATE uploads SET file_id = :file, file_version = :version, file_sha256 = :sha,"
                + " upload_offset = length WHERE id = :id")
        .bind("id", id.value())
        .bind("file", result.file().value())
        .bind("version", result.version())
        .bind("sha", result.sha256())
        .execute();
    handle
        .createUpdate("DELETE FROM upload_parts WHERE upload_id = :id")
        .bind("id", id.value())
        .execute();
  }

  @Override
  public void delete(UploadId id) {
    // Parts first: SQLite enforces the cascade only with foreign keys switched on.
    handle
        .createUpdate("DELETE FROM upload_parts WHERE upload_id = :id")
        .bind("id", id.value())
        .execute();
    handle.createUpdate("DELETE FROM uploads WHERE id = :id").bind("id", id.value()).execute();
  }

  @Override
  public List<ResumableUpload> expiredBefore(Instant now, int limit) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM uploads WHERE expires_ms <= :now ORDER BY expires_ms LIMIT :limit")
        .bind("now", now.toEpochMilli())
        .bind("limit", limit)
        .map((rs, ctx) -> upload(rs))
        .list();
  }

  @Override
  public boolean isBlobReferenced(String blobKey) {
    return handle
        .createQuery("SELECT blob_key FROM upload_parts WHERE blob_key = :key LIMIT 1")
        .bind("key", blobKey)
        .mapTo(String.class)
        .findOne()
        .isPresent();
  }

  private static ResumableUpload upload(ResultSet rs) throws SQLException {
    String file = rs.getString("file_id");
    Optional<ResumableUpload.Completed> result =
        file == null
            ? Optional.empty()
            : Optional.of(
                new ResumableUpload.Completed(
                    new FileId(file), rs.getInt("file_version"), rs.getString("file_sha256")));
    return new ResumableUpload(
        new UploadId(rs.getString("id")),
        new WorkspaceId(rs.getString("workspace_id")),
        rs.getString("name"),
        new UserId(rs.getString("owner_id")),
        rs.getLong("length"),
        rs.getLong("upload_offset"),
        Optional.ofNullable(rs.getString("expected_sha256")),
        Base64.getDecoder().decode(rs.getString("wrapped_key")),
        Instant.ofEpochMilli(rs.getLong("created_ms")),
        Instant.ofEpochMilli(rs.getLong("expires_ms")),
        result);
  }
}
