package io.cordon.store.sql;

import io.cordon.content.WorkspaceId;
import io.cordon.identity.UserId;
import io.cordon.sharing.UploadRequest;
import io.cordon.sharing.UploadRequestId;
import io.cordon.sharing.UploadRequests;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Upload requests in {@code upload_requests} and {@code upload_request_recipients}; closing is a
 * conditional UPDATE. Lives as long as its transaction.
 */
final class JdbiUploadRequests implements UploadRequests {
  private static final RowMapper<UploadRequest> ROW =
      (rs, ctx) ->
          new UploadRequest(
              new UploadRequestId(rs.getString("id")),
              new WorkspaceId(rs.getString("workspace_id")),
              new UserId(rs.getString("requested_by")),
              rs.getString("message"),
              Columns.instant(rs, "created_ms"),
              Columns.instant(rs, "due_ms"),
              Columns.optionalInstant(rs, "closed_ms"));

  private final Handle handle;

  JdbiUploadRequests(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(UploadRequest r) {
    handle
        .createUpdate(
            "INSERT INTO upload_requests (id, workspace_id, requested_by, message, created_ms,"
                + " due_ms, closed_ms) VALUES (:id, :ws, :by, :message, :created, :due, :closed)")
        .bind("id", r.id().value())
        .bind("ws", r.workspace().value())
        .bind("by", r.requestedBy().value())
        .bind("message", r.message())
        .bind("created", Columns.millis(r.created()))
        .bind("due", Columns.millis(r.due()))
        .bind("closed", Columns.millis(r.closed()))
        .execute();
  }

  @Override
  public void addRecipient(UploadRequestId request, UserId user) {
    handle
        .createUpdate(
            "INSERT INTO upload_request_recipients (request_id, user_id) VALUES (:r, :u)"
                + " ON CONFLICT (request_id, user_id) DO NOTHING")
        .bind("r", request.value())
        .bind("u", user.value())
        .execute();
  }

  @Override
  public Optional<UploadRequest> find(UploadRequestId id) {
    return handle
        .createQuery("SELECT * FROM upload_requests WHERE id = :id")
        .bind("id", id.value())
        .map(ROW)
        .findOne();
  }

  @Override
  public List<UserId> recipients(UploadRequestId id) {
    return handle
        .createQuery(
            "SELECT user_id FROM upload_request_recipients WHERE request_id = :r ORDER BY user_id")
        .bind("r", id.value())
        .map((rs, ctx) -> new UserId(rs.getString("user_id")))
        .list();
  }

  @Override
  public boolean close(UploadRequestId id, Instant at) {
    return handle
            .createUpdate(
                "UPDATE upload_requests SET closed_ms = :at WHERE id = :id AND closed_ms IS NULL")
            .bind("at", Columns.millis(at))
            .bind("id", id.value())
            .execute()
        == 1;
  }
}
