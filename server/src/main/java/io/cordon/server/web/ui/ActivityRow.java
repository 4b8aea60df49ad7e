package io.cordon.server.web.ui;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEventCodec;
import io.cordon.audit.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of a file's activity timeline as the owner reads it: who did what, when, from where, on
 * which device, and how many bytes actually left. Built from the audit record itself, so the
 * timeline shows exactly what the trail holds.
 */
public record ActivityRow(
    long seq,
    Instant time,
    String who,
    String action,
    boolean succeeded,
    String where,
    String device,
    Optional<Long> bytes) {

  public static ActivityRow of(AuditRecord record) {
    AuditEvent e = AuditEventCodec.fromJson(new String(record.leaf(), StandardCharsets.UTF_8));
    List<String> place = new ArrayList<>();
    e.context()
        .geo()
        .ifPresent(
            g -> {
              g.city().ifPresent(place::add);
              g.country().ifPresent(place::add);
            });
    e.context().zone().ifPresent(z -> place.add(z + " network"));
    e.context().ip().ifPresent(place::add);
    Object b = e.details().get("bytes");
    return new ActivityRow(
        e.seq(),
        e.time(),
        e.actor().username().orElse("system"),
        e.action(),
        e.outcome() == AuditEvent.Outcome.SUCCESS,
        String.join(" · ", place),
        e.context().device().orElse(e.context().channel()),
        b instanceof Number n ? Optional.of(n.longValue()) : Optional.empty());
  }

  /** A readable verb for the audit action: {@code file.download} → {@code downloaded}. */
  public String verb() {
    return switch (action) {
      case "file.download" -> "downloaded";
      case "file.view" -> "viewed";
      case "file.upload" -> "uploaded a version";
      case "file.read", "file.metadata" -> "opened the details";
      case "share.list" -> "looked at the shares";
      case "share.preview" -> "previewed a share";
      case "share.create" -> "shared";
      case "share.revoke" -> "revoked a share";
      case "file.sign" -> "signed";
      default -> action;
    };
  }

  /** Whether the event is data leaving (a download or a view), for emphasis in the timeline. */
  public boolean delivery() {
    return action.equals("file.download") || action.equals("file.view");
  }
}
