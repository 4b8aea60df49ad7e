package io.cordon.content;

import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.context.Subject;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.Transaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Places, releases and lists legal holds through the one door. Who may is policy's answer ({@link
 * Action#LEGAL_HOLD}: administrators and home compliance officers; listing is {@link
 * Action#AUDIT}). A hold may be placed on a deleted file too: it then stops the purge of its
 * content. Thread-safe.
 */
public final class LegalHoldService {
  /** The resource type of legal holds in policy decisions. */
  public static final String LEGAL_HOLD = "legal-hold";

  private final OneDoor door;

  public LegalHoldService(OneDoor door) {
    this.door = door;
  }

  /** Holds the whole workspace: every file in it, present and future. */
  public LegalHold placeOnWorkspace(
      RequestContext ctx, WorkspaceId id, String matter, String reason) {
    return place(
        ctx,
        AuditObject.of("workspace", id.value(), null),
        tx -> {
          tx.workspaces()
              .find(id)
              .orElseThrow(() -> new CordonException.NotFound("no such workspace"));
          return new Target(id, Optional.empty());
        },
        matter,
        reason);
  }

  /** Holds one file, deleted or not. */
  public LegalHold placeOnFile(RequestContext ctx, FileId id, String matter, String reason) {
    return place(
        ctx,
        AuditObject.of("file", id.value(), null),
        tx -> {
          StoredFile file =
              tx.files().find(id).orElseThrow(() -> new CordonException.NotFound("no such file"));
          return new Target(file.workspace(), Optional.of(id));
        },
        matter,
        reason);
  }

  /**
   * Releases an active hold.
   *
   * @throws CordonException.NotFound for an unknown hold
   * @throws CordonException.Conflict if it was released already
   */
  public LegalHold release(RequestContext ctx, LegalHoldId id) {
    Subject who = ctx.requireSubject();
    return door.perform(
        ctx,
        Guarded.of(
            "legalhold.release",
            Action.LEGAL_HOLD,
            tx -> {
              tx.legalHolds()
                  .find(id)
                  .orElseThrow(() -> new CordonException.NotFound("no such legal hold"));
              return holdResource(id.value());
            },
            AuditObject.of(LEGAL_HOLD, id.value(), null)),
        (tx, resource) -> {
          LegalHold released = tx.legalHolds().release(id, who.user(), door.clock().instant());
          return Performed.of(released, object(tx, released), details(released));
        });
  }

  /** Holds of one workspace or of all, newest first; released ones only when asked. */
  public List<LegalHold> list(
      RequestContext ctx, Optional<WorkspaceId> workspace, boolean includeReleased) {
    return door.perform(
        ctx,
        Guarded.of(
            "legalhold.list",
            Action.AUDIT,
            tx -> {
              workspace.ifPresent(
                  ws ->
                      tx.workspaces()
                          .find(ws)
                          .orElseThrow(() -> new CordonException.NotFound("no such workspace")));
              return holdResource("holds");
            },
            AuditObject.of(LEGAL_HOLD, "holds", null)),
        (tx, resource) -> {
          List<LegalHold> holds = tx.legalHolds().list(workspace, includeReleased);
          return new Performed<>(
              holds,
              Optional.of(AuditObject.of(LEGAL_HOLD, "holds", null)),
              Map.of("count", holds.size(), "includeReleased", includeReleased));
        });
  }

  private LegalHold place(
      RequestContext ctx,
      AuditObject refused,
      java.util.function.Function<Transaction, Target> target,
      String rawMatter,
      String rawReason) {
    Subject who = ctx.requireSubject();
    String matter = TextInput.check(rawMatter, "matter", LegalHold.MAX_TEXT);
    String reason = TextInput.check(rawReason, "reason", LegalHold.MAX_TEXT);
    return door.perform(
        ctx,
        Guarded.of(
            "legalhold.place",
            Action.LEGAL_HOLD,
            tx -> {
              target.apply(tx);
              return holdResource(refused.id());
            },
            refused),
        (tx, resource) -> {
          Target t = target.apply(tx);
          LegalHold hold =
              new LegalHold(
                  LegalHoldId.random(),
                  t.workspace(),
                  t.file(),
                  matter,
                  reason,
                  who.user(),
                  door.clock().instant(),
                  Optional.empty(),
                  Optional.empty());
          tx.legalHolds().insert(hold);
          return Performed.of(hold, object(tx, hold), details(hold));
        });
  }

  /** The event names what the hold covers (file or workspace), so it shows in that history. */
  private static AuditObject object(Transaction tx, LegalHold hold) {
    Workspace ws = tx.workspaces().find(hold.workspace()).orElseThrow();
    if (hold.file().isEmpty()) {
      return WorkspaceService.object(ws);
    }
    StoredFile file = tx.files().find(hold.file().get()).orElseThrow();
    return ContentService.fileObject(ws, file, tx.files().latestVersion(file.id()).orElse(null));
  }

  private static Map<String, Object> details(LegalHold hold) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("hold", hold.id().value());
    d.put("matter", hold.matter());
    d.put("reason", hold.reason());
    d.put("scope", hold.file().isPresent() ? "file" : "workspace");
    return d;
  }

  private static Resource holdResource(String id) {
    return new Resource(LEGAL_HOLD, id, Optional.empty(), Classification.INTERNAL, List.of());
  }

  private record Target(WorkspaceId workspace, Optional<FileId> file) {}
}
