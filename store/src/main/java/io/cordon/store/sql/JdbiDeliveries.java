package io.cordon.store.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.audit.AuditEventCodec;
import io.cordon.audit.signature.Deliveries;
import io.cordon.content.FileId;
import io.cordon.identity.UserId;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Deliveries as the audit trail records them: successful {@code file.download} events of the user
 * on the file (found through the actor and object indexes), whose details name the version and no
 * rendition. Reads the trail only. Lives as long as its transaction.
 */
final class JdbiDeliveries implements Deliveries {
  private final Handle handle;

  JdbiDeliveries(Handle handle) {
    this.handle = handle;
  }

  @Override
  public boolean downloaded(UserId user, FileId file, int version) {
    List<String> events =
        handle
            .createQuery(
                // The indexed search copy up to its watermark, the trail itself after it
                // (JdbiAuditQueries): found without scanning, and nothing just appended missed.
                "SELECT e.event_json FROM audit_search s JOIN audit_events e ON e.seq = s.seq"
                    + " WHERE s.seq <= :watermark AND s.object_type = 'file'"
                    + " AND s.object_id = :file AND s.actor_user = :user"
                    + " AND s.action = 'file.download' AND s.outcome = 'success'"
                    + " UNION ALL SELECT event_json FROM audit_events"
                    + " WHERE seq > :watermark AND object_type = 'file'"
                    + " AND object_id = :file AND actor_user = :user"
                    + " AND action = 'file.download' AND outcome = 'success'")
            .bind("watermark", AuditSearchIndex.watermark(handle))
            .bind("file", file.value())
            .bind("user", user.value())
            .mapTo(String.class)
            .list();
    for (String json : events) {
      JsonNode details = read(json).path("details");
      if (details.path("version").asInt(-1) == version
          && details.path("rendition").isMissingNode()) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode read(String json) {
    try {
      return AuditEventCodec.mapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a stored audit event is not JSON", e);
    }
  }
}
