package io.cordon.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cordon.audit.AuditEvent.Actor;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.audit.AuditEvent.EventContext;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Audit events as CSV (RFC 4180): a header row, then one row per event with a fixed column set,
 * fields separated by commas, lines ended by CRLF; a field holding a comma, a double quote, CR or
 * LF is enclosed in double quotes with inner quotes doubled.
 *
 * <p>Spreadsheet formula injection (OWASP "CSV Injection"): event fields carry text that users
 * chose (file names, usernames tried at login, user agents). A cell that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with a single quote, so a
 * spreadsheet shows it as text instead of evaluating it. The {@code leaf} column (base64 of the
 * hashed bytes, which always begin with <code>{"seq"</code> and so encode to {@code eyJ…}) never
 * needs it, and stays verifiable. Stateless.
 */
public final class AuditCsv {
  /** The columns, in order; the header row names them so. */
  public static final List<String> COLUMNS =
      List.of(
          "seq",
          "time",
          "actor_user",
          "actor_username",
          "actor_org",
          "actor_org_kind",
          "actor_roles",
          "auth",
          "session",
          "action",
          "object_type",
          "object_id",
          "object_name",
          "workspace",
          "classification",
          "data_types",
          "outcome",
          "reason",
          "channel",
          "ip",
          "zone",
          "country",
          "device",
          "user_agent",
          "details",
          "leaf");

  private AuditCsv() {}

  public static void writeHeader(Writer out) throws IOException {
    writeRow(out, COLUMNS);
  }

  /** Writes the row of one stored event, read from the exact bytes its leaf hash covers. */
  public static void writeRecord(Writer out, AuditRecord record) throws IOException {
    writeRow(out, cells(record));
  }

  static List<String> cells(AuditRecord record) {
    AuditEvent e = record.event();
    Actor a = e.actor();
    Optional<AuditObject> o = e.object();
    EventContext c = e.context();
    List<String> row = new ArrayList<>(COLUMNS.size());
    row.add(Long.toString(record.seq()));
    row.add(AuditEventCodec.formatTime(e.time()));
    row.add(a.user().orElse(""));
    row.add(a.username().orElse(""));
    row.add(a.org().orElse(""));
    row.add(a.orgKind().orElse(""));
    row.add(String.join(";", a.roles()));
    row.add(a.auth().orElse(""));
    row.add(a.session().orElse(""));
    row.add(e.action());
    row.add(o.map(AuditObject::type).orElse(""));
    row.add(o.map(AuditObject::id).orElse(""));
    row.add(o.flatMap(AuditObject::name).orElse(""));
    row.add(o.flatMap(AuditObject::workspace).orElse(""));
    row.add(o.flatMap(AuditObject::classification).orElse(""));
    row.add(o.map(obj -> String.join(";", obj.dataTypes())).orElse(""));
    row.add(e.outcome().code());
    row.add(e.reason().orElse(""));
    row.add(c.channel());
    row.add(c.ip().orElse(""));
    row.add(c.zone().orElse(""));
    row.add(c.geo().flatMap(AuditEvent.Geo::country).orElse(""));
    row.add(c.device().orElse(""));
    row.add(c.userAgent().orElse(""));
    row.add(e.details().isEmpty() ? "" : json(e.details()));
    row.add(Base64.getEncoder().encodeToString(record.leaf()));
    return row;
  }

  private static void writeRow(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(cells.get(i)));
    }
    out.write("\r\n");
  }

  /** One field: defused against formula evaluation, then quoted if RFC 4180 needs it. */
  static String field(String value) {
    String safe = value;
    if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    if (safe.indexOf(',') >= 0
        || safe.indexOf('"') >= 0
        || safe.indexOf('\r') >= 0
        || safe.indexOf('\n') >= 0) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }

  private static String json(Object value) {
    try {
      return AuditEventCodec.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event details not serialisable", e);
    }
  }
}
