package io.cordon.door;

import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.Transaction;
import java.util.Optional;
import java.util.function.Function;

/**
 * One guarded operation: the audit action name, the policy question, and the object the audit event
 * names if the request is refused before anything is performed.
 *
 * @param resource looked up inside the transaction (it may need the database to find the workspace
 *     and classification); a missing object raises NotFound there
 */
public record Guarded(
    String auditAction,
    Action action,
    Function<Transaction, Resource> resource,
    Optional<AuditObject> refusedObject) {
  public Guarded {
    if (auditAction == null || action == null || resource == null) {
      throw new IllegalArgumentException("incomplete guarded operation");
    }
    refusedObject = refusedObject == null ? Optional.empty() : refusedObject;
  }

  public static Guarded of(String auditAction, Action action, Resource resource) {
    return new Guarded(auditAction, action, tx -> resource, Optional.empty());
  }

  public static Guarded of(
      String auditAction,
      Action action,
      Function<Transaction, Resource> resource,
      AuditObject refusedObject) {
    return new Guarded(auditAction, action, resource, Optional.of(refusedObject));
  }
}
