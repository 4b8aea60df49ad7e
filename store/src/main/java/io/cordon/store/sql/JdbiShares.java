package io.cordon.store.sql;

import io.cordon.content.FileId;
import io.cordon.content.WorkspaceId;
import io.cordon.identity.UserId;
import io.cordon.sharing.Share;
import io.cordon.sharing.ShareId;
import io.cordon.sharing.ShareRecipient;
import io.cordon.sharing.Shares;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Shares in {@code shares} and {@code share_recipients}. Counters and revocation change by
 * conditional UPDATEs, whose row lock makes them atomic on PostgreSQL (a concurrent update
 * re-evaluates the condition on the newest row) and on SQLite (one writer at a time). Lives as long
 * as its transaction.
 */
final class JdbiShares implements Shares {
  private static final RowMapper<Share> SHARE =
      (rs, ctx) -> {
        int max = rs.getInt("max_downloads");
        OptionalInt maxDownloads = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(max);
        return new Share(
            new ShareId(rs.getString("id")),
            new FileId(rs.getString("file_id")),
            new WorkspaceId(rs.getString("workspace_id")),
            new UserId(rs.getString("created_by")),
            Columns.instant(rs, "created_ms"),
            Columns.optionalInstant(rs, "expires_ms"),
            maxDownloads,
            Columns.flag(rs, "view_only"),
            Columns.flag(rs, "require_mfa"),
            Columns.flag(rs, "notify_first"),
            Columns.optionalText(rs, "revoked_by").map(UserId::new),
            Columns.optionalInstant(rs, "revoked_ms"));
      };
  private static final RowMapper<ShareRecipient> RECIPIENT =
      (rs, ctx) ->
          new ShareRecipient(
              new ShareId(rs.getString("share_id")),
              new UserId(rs.getString("user_id")),
              rs.getInt("downloads"),
              Columns.optionalInstant(rs, "first_access_ms"));
  private static final String NEWEST_FIRST = " ORDER BY s.created_ms DESC, s.id";

  private final Handle handle;
  private final SqlDialect dialect;

  JdbiShares(Handle handle, SqlDialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public void insert(Share s) {
    try {
      handle
          .createUpdate(
              "INSERT INTO shares (id, file_id, workspace_id, created_by, created_ms, expires_ms,"
                  + " max_downloads, view_only, require_mfa, notify_first, revoked_by, revoked_ms)"
                  + " VALUES (:id, :file, :ws, :by, :created, :expires, :max, :viewOnly, :mfa,"
                  + " :notify, :revokedBy, :revoked)")
          .bind("id", s.id().value())
          .bind("file", s.file().value())
          .bind("ws", s.workspace().value())
          .bind("by", s.createdBy().value())
          .bind("created", Columns.millis(s.created()))
          .bind("expires", Columns.millis(s.expires()))
          .bind("max", s.maxDownloads().isPresent() ? s.maxDownloads().getAsInt() : null)
          .bind("viewOnly", Columns.flag(s.viewOnly()))
          .bind("mfa", Columns.flag(s.requireMfa()))
          .bind("notify", Columns.flag(s.notifyOnFirstAccess()))
          .bind("revokedBy", s.revokedBy().map(UserId::value).orElse(null))
          .bind("revoked", Columns.millis(s.revoked()))
          .execute();
    } catch (JdbiException e) {
      throw dialect.translate(e, "share " + s.id() + " already exists");
    }
  }

  @Override
  public void addRecipient(ShareId share, UserId user) {
    handle
        .createUpdate(
            "INSERT INTO share_recipients (share_id, user_id, downloads) VALUES (:s, :u, 0)"
                + " ON CONFLICT (share_id, user_id) DO NOTHING")
        .bind("s", share.value())
        .bind("u", user.value())
        .execute();
  }

  @Override
  public Optional<Share> find(ShareId id) {
    return handle
        .createQuery("SELECT * FROM shares WHERE id = :id")
        .bind("id", id.value())
        .map(SHARE)
        .findOne();
  }

  @Override
  public List<ShareRecipient> recipients(ShareId share) {
    return handle
        .createQuery("SELECT * FROM share_recipients WHERE share_id = :s ORDER BY user_id")
        .bind("s", share.value())
        .map(RECIPIENT)
        .list();
  }

  @Override
  public Optional<ShareRecipient> recipient(ShareId share, UserId user) {
    return handle
        .createQuery("SELECT * FROM share_recipients WHERE share_id = :s AND user_id = :u")
        .bind("s", share.value())
        .bind("u", user.value())
        .map(RECIPIENT)
        .findOne();
  }

  @Override
  public List<Share> ofFile(FileId file) {
    return handle
        .createQuery("SELECT s.* FROM shares s WHERE s.file_id = :f" + NEWEST_FIRST)
        .bind("f", file.value())
        .map(SHARE)
        .list();
  }

  @Override
  public List<Share> createdBy(UserId user) {
    return handle
        .createQuery("SELECT s.* FROM shares s WHERE s.created_by = :u" + NEWEST_FIRST)
        .bind("u", user.value())
        .map(SHARE)
        .list();
  }

  @Override
  public List<Share> receivedBy(UserId user) {
    return handle
        .createQuery(
            "SELECT s.* FROM shares s JOIN share_recipients r ON r.share_id = s.id"
                + " WHERE r.user_id = :u"
                + NEWEST_FIRST)
        .bind("u", user.value())
        .map(SHARE)
        .list();
  }

  @Override
  public List<Share> ofFileFor(FileId file, UserId user) {
    return handle
        .createQuery(
            "SELECT s.* FROM shares s JOIN share_recipients r ON r.share_id = s.id"
                + " WHERE r.user_id = :u AND s.file_id = :f"
                + NEWEST_FIRST)
        .bind("u", user.value())
        .bind("f", file.value())
        .map(SHARE)
        .list();
  }

  @Override
  public boolean countDownload(ShareId share, UserId user, OptionalInt max) {
    // Conditions are added rather than bound as NULL: PostgreSQL cannot type a bare NULL parameter.
    var update =
        handle.createUpdate(
            "UPDATE share_recipients SET downloads = downloads + 1"
                + " WHERE share_id = :s AND user_id = :u"
                + (max.isPresent() ? " AND downloads < :max" : ""));
    update.bind("s", share.value()).bind("u", user.value());
    if (max.isPresent()) {
      update.bind("max", max.getAsInt());
    }
    return update.execute() == 1;
  }

  @Override
  public boolean markFirstAccess(ShareId share, UserId user, Instant at) {
    return handle
            .createUpdate(
                "UPDATE share_recipients SET first_access_ms = :at"
                    + " WHERE share_id = :s AND user_id = :u AND first_access_ms IS NULL")
            .bind("at", Columns.millis(at))
            .bind("s", share.value())
            .bind("u", user.value())
            .execute()
        == 1;
  }

  @Override
  public boolean revoke(ShareId share, UserId by, Instant at) {
    return handle
            .createUpdate(
                "UPDATE shares SET revoked_by = :by, revoked_ms = :at"
                    + " WHERE id = :id AND revoked_ms IS NULL")
            .bind("by", by.value())
            .bind("at", Columns.millis(at))
            .bind("id", share.value())
            .execute()
        == 1;
  }
}
