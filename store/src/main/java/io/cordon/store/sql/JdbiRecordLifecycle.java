package io.cordon.store.sql;

import io.cordon.content.Deletion;
import io.cordon.content.FileId;
import io.cordon.content.FileVersion;
import io.cordon.content.RecordLifecycle;
import io.cordon.content.RetentionPeriod;
import io.cordon.content.WorkspaceId;
import io.cordon.context.CordonException;
import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Retention rules ({@code workspaces.retention}) and soft deletion and purge state ({@code
 * files.deleted_*}, {@code files.purged_ms}, {@code file_versions.purged_ms}). The schema's
 * triggers (migration V6) let a purge change a version only by emptying its wrapped data key and
 * setting its purge time; every other column of a version is immutable. Lives as long as its
 * transaction.
 */
final class JdbiRecordLifecycle implements RecordLifecycle {
  private final Handle handle;
  private final SqlDialect dialect;

  JdbiRecordLifecycle(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public Optional<RetentionPeriod> retention(WorkspaceId workspace) {
    return handle
        .createQuery("SELECT retention FROM workspaces WHERE id = :id")
        .bind("id", workspace.value())
        .map((rs, ctx) -> Columns.optionalText(rs, "retention"))
        .findOne()
        .orElseThrow(() -> new CordonException.NotFound("no such workspace"))
        .map(RetentionPeriod::parse);
  }

  @Override
  public void setRetention(WorkspaceId workspace, Optional<RetentionPeriod> retention) {
    int rows =
        handle
            .createUpdate("UPDATE workspaces SET retention = :retention WHERE id = :id")
            .bind("retention", retention.map(RetentionPeriod::toString).orElse(null))
            .bind("id", workspace.value())
            .execute();
    if (rows == 0) {
      throw new CordonException.NotFound("no such workspace");
    }
  }

  @Override
  public Optional<Deletion> deletion(FileId file) {
    return handle
        .createQuery(
            "SELECT deleted_ms, deleted_by, delete_reason, purged_ms FROM files"
                + " WHERE id = :id AND deleted_ms IS NOT NULL")
        .bind("id", file.value())
        .map(
            (rs, ctx) ->
                new Deletion(
                    Columns.instant(rs, "deleted_ms"),
                    new UserId(rs.getString("deleted_by")),
                    Columns.optionalText(rs, "delete_reason"),
                    Columns.optionalInstant(rs, "purged_ms")))
        .findOne();
  }

  @Override
  public void markDeleted(FileId file, Deletion d) {
    // One conditional UPDATE: it takes the row lock, and under read committed PostgreSQL re-checks
    // the condition after a concurrent deleter commits, so exactly one of two deleters wins.
    int rows =
        handle
            .createUpdate(
                "UPDATE files SET deleted_ms = :at, deleted_by = :by, delete_reason = :reason"
                    + " WHERE id = :id AND deleted_ms IS NULL")
            .bind("at", Columns.millis(d.at()))
            .bind("by", d.by().value())
            .bind("reason", d.reason().orElse(null))
            .bind("id", file.value())
            .execute();
    if (rows == 0) {
      throw new CordonException.Conflict("the file is deleted already");
    }
  }

  @Override
  public void clearDeletion(FileId file) {
    int rows =
        handle
            .createUpdate(
                "UPDATE files SET deleted_ms = NULL, deleted_by = NULL, delete_reason = NULL"
                    + " WHERE id = :id AND deleted_ms IS NOT NULL AND purged_ms IS NULL")
            .bind("id", file.value())
            .execute();
    if (rows == 0) {
      throw new CordonException.Conflict(
          "the file is not deleted, or its content was purged when its retention ended");
    }
  }

  @Override
  public List<FileId> deletedUnpurged() {
    return handle
        .createQuery(
            "SELECT id FROM files WHERE deleted_ms IS NOT NULL AND purged_ms IS NULL"
                + " ORDER BY deleted_ms, id")
        .map((rs, ctx) -> new FileId(rs.getString("id")))
        .list();
  }

  @Override
  public List<FileVersion> markPurged(FileId file, Instant at) {
    int rows =
        handle
            .createUpdate(
                "UPDATE files SET purged_ms = :at"
                    + " WHERE id = :id AND deleted_ms IS NOT NULL AND purged_ms IS NULL")
            .bind("at", Columns.millis(at))
            .bind("id", file.value())
            .execute();
    if (rows == 0) {
      throw new CordonException.Conflict("the file is not deleted, or was purged already");
    }
    List<FileVersion> versions = new JdbiFiles(handle, dialect).versions(file);
    handle
        .createUpdate(
            "UPDATE file_versions SET wrapped_dek = :empty, purged_ms = :at"
                + " WHERE file_id = :id AND purged_ms IS NULL")
        .bind("empty", new byte[0])
        .bind("at", Columns.millis(at))
        .bind("id", file.value())
        .execute();
    return versions;
  }
}
