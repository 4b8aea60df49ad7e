package io.cordon.store.sql;

import io.cordon.content.FileId;
import io.cordon.content.LegalHold;
import io.cordon.content.LegalHoldId;
import io.cordon.content.LegalHolds;
import io.cordon.content.WorkspaceId;
import io.cordon.context.CordonException;
import io.cordon.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Legal holds in the {@code legal_holds} table. Releasing sets the release columns; rows are never
 * deleted, so the history of holds stays. Lives as long as its transaction.
 */
final class JdbiLegalHolds implements LegalHolds {
  private static final RowMapper<LegalHold> ROW =
      (rs, ctx) ->
          new LegalHold(
              new LegalHoldId(rs.getString("id")),
              new WorkspaceId(rs.getString("workspace_id")),
              Columns.optionalText(rs, "file_id").map(FileId::new),
              rs.getString("matter"),
              rs.getString("reason"),
              new UserId(rs.getString("placed_by")),
              Columns.instant(rs, "placed_ms"),
              Columns.optionalText(rs, "released_by").map(UserId::new),
              Columns.optionalInstant(rs, "released_ms"));

  private final Handle handle;
  private final SqlDialect dialect;

  JdbiLegalHolds(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public void insert(LegalHold h) {
    try {
      handle
          .createUpdate(
              "INSERT INTO legal_holds (id, workspace_id, file_id, matter, reason, placed_by,"
                  + " placed_ms, released_by, released_ms) VALUES (:id, :ws, :file, :matter,"
                  + " :reason, :by, :placed, :releasedBy, :released)")
          .bind("id", h.id().value())
          .bind("ws", h.workspace().value())
          .bind("file", h.file().map(FileId::value).orElse(null))
          .bind("matter", h.matter())
          .bind("reason", h.reason())
          .bind("by", h.placedBy().value())
          .bind("placed", Columns.millis(h.placed()))
          .bind("releasedBy", h.releasedBy().map(UserId::value).orElse(null))
          .bind("released", Columns.millis(h.released()))
          .execute();
    } catch (JdbiException e) {
      throw dialect.translate(e, "legal hold " + h.id() + " already exists");
    }
  }

  @Override
  public Optional<LegalHold> find(LegalHoldId id) {
    return handle
        .createQuery("SELECT * FROM legal_holds WHERE id = :id")
        .bind("id", id.value())
        .map(ROW)
        .findOne();
  }

  @Override
  public LegalHold release(LegalHoldId id, UserId by, Instant at) {
    int rows =
        handle
            .createUpdate(
                "UPDATE legal_holds SET released_by = :by, released_ms = :at"
                    + " WHERE id = :id AND released_ms IS NULL")
            .bind("by", by.value())
            .bind("at", Columns.millis(at))
            .bind("id", id.value())
            .execute();
    if (rows == 0) {
      find(id).orElseThrow(() -> new CordonException.NotFound("no such legal hold"));
      throw new CordonException.Conflict("legal hold " + id + " was released already");
    }
    return find(id).orElseThrow();
  }

  @Override
  public List<LegalHold> activeInWorkspace(WorkspaceId workspace) {
    return handle
        .createQuery(
            "SELECT * FROM legal_holds WHERE workspace_id = :ws AND released_ms IS NULL"
                + " ORDER BY placed_ms, id")
        .bind("ws", workspace.value())
        .map(ROW)
        .list();
  }

  @Override
  public List<LegalHold> activeCovering(FileId file, WorkspaceId workspace) {
    return handle
        .createQuery(
            "SELECT * FROM legal_holds WHERE workspace_id = :ws AND released_ms IS NULL"
                + " AND (file_id IS NULL OR file_id = :file) ORDER BY placed_ms, id")
        .bind("ws", workspace.value())
        .bind("file", file.value())
        .map(ROW)
        .list();
  }

  @Override
  public List<LegalHold> list(Optional<WorkspaceId> workspace, boolean includeReleased) {
    // Conditions are added rather than bound as NULL: PostgreSQL cannot type a bare NULL parameter.
    var query =
        handle.createQuery(
            "SELECT * FROM legal_holds WHERE 1 = 1"
                + (workspace.isPresent() ? " AND workspace_id = :ws" : "")
                + (includeReleased ? "" : " AND released_ms IS NULL")
                + " ORDER BY placed_ms DESC, id");
    workspace.ifPresent(ws -> query.bind("ws", ws.value()));
    return query.map(ROW).list();
  }
}
