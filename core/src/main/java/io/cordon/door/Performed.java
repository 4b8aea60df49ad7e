package io.cordon.door;

import io.cordon.audit.AuditEvent.AuditObject;
import java.util.Map;
import java.util.Optional;

/**
 * What an operation hands back to the door: its result, and what the audit event should say about
 * the object acted on (known only after performing, e.g. the id of something new).
 */
public record Performed<T>(T value, Optional<AuditObject> object, Map<String, Object> details) {
  public Performed {
    object = object == null ? Optional.empty() : object;
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  public static <T> Performed<T> of(T value, AuditObject object) {
    return new Performed<>(value, Optional.of(object), Map.of());
  }

  public static <T> Performed<T> of(T value, AuditObject object, Map<String, Object> details) {
    return new Performed<>(value, Optional.of(object), details);
  }
}
