package io.cordon.store.sql;

import io.cordon.sharing.Outbox;
import io.cordon.sharing.OutboxMail;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The e-mail outbox in {@code mail_outbox}. Lives as long as its transaction. */
final class JdbiOutbox implements Outbox {
  private static final int MAX_ERROR = 500;
  private static final RowMapper<OutboxMail> ROW =
      (rs, ctx) ->
          new OutboxMail(
              rs.getString("id"),
              rs.getString("recipient"),
              rs.getString("subject"),
              rs.getString("body"),
              rs.getString("kind"),
              Columns.instant(rs, "created_ms"),
              rs.getInt("attempts"),
              Columns.instant(rs, "next_attempt_ms"),
              Columns.optionalText(rs, "last_error"),
              Columns.optionalInstant(rs, "sent_ms"));

  private final Handle handle;

  JdbiOutbox(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void enqueue(OutboxMail m) {
    handle
        .createUpdate(
            "INSERT INTO mail_outbox (id, recipient, subject, body, kind, created_ms, attempts,"
                + " next_attempt_ms, last_error, sent_ms) VALUES (:id, :to, :subject, :body,"
                + " :kind, :created, :attempts, :next, :error, :sent)")
        .bind("id", m.id())
        .bind("to", m.recipient())
        .bind("subject", m.subject())
        .bind("body", m.body())
        .bind("kind", m.kind())
        .bind("created", Columns.millis(m.created()))
        .bind("attempts", m.attempts())
        .bind("next", Columns.millis(m.nextAttempt()))
        .bind("error", m.lastError().orElse(null))
        .bind("sent", Columns.millis(m.sent()))
        .execute();
  }

  @Override
  public Optional<OutboxMail> find(String id) {
    return handle
        .createQuery("SELECT * FROM mail_outbox WHERE id = :id")
        .bind("id", id)
        .map(ROW)
        .findOne();
  }

  @Override
  public List<OutboxMail> due(Instant now, int limit) {
    return handle
        .createQuery(
            "SELECT * FROM mail_outbox WHERE sent_ms IS NULL AND next_attempt_ms <= :now"
                + " ORDER BY created_ms, id LIMIT :limit")
        .bind("now", Columns.millis(now))
        .bind("limit", limit)
        .map(ROW)
        .list();
  }

  @Override
  public void markSent(String id, Instant at) {
    handle
        .createUpdate(
            "UPDATE mail_outbox SET sent_ms = :at, attempts = attempts + 1, last_error = NULL"
                + " WHERE id = :id")
        .bind("at", Columns.millis(at))
        .bind("id", id)
        .execute();
  }

  @Override
  public void markFailed(String id, String error, Instant nextAttempt) {
    String clipped = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    handle
        .createUpdate(
            "UPDATE mail_outbox SET attempts = attempts + 1, last_error = :error,"
                + " next_attempt_ms = :next WHERE id = :id")
        .bind("error", clipped)
        .bind("next", Columns.millis(nextAttempt))
        .bind("id", id)
        .execute();
  }

  @Override
  public List<OutboxMail> to(String recipient) {
    return handle
        .createQuery("SELECT * FROM mail_outbox WHERE recipient = :to ORDER BY created_ms, id")
        .bind("to", recipient)
        .map(ROW)
        .list();
  }
}
