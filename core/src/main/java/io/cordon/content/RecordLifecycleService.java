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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Soft deletion and restoration of files and the retention rule of workspaces, through the one
 * door. A deletion removes a file from listings and stops serving it, but keeps every version and
 * its content until the workspace's retention period has passed for each version (then {@link
 * RetentionPurge} may destroy the content; the metadata stays as a tombstone). A legal hold blocks
 * deletion. This is how Cordon protects records for accurate retrieval throughout their retention
 * period (21 CFR Part 11 §11.10(c), EU GMP Annex 11 §17). Thread-safe.
 */
public final class RecordLifecycleService {
  private final OneDoor door;

  public RecordLifecycleService(OneDoor door) {
    this.door = door;
  }

  /**
   * Soft-deletes a file (all its versions).
   *
   * @throws CordonException.LegalHold if a hold covers the file or its workspace
   * @throws CordonException.Conflict if it is deleted already
   */
  public Deletion delete(RequestContext ctx, FileId id, Optional<String> rawReason) {
    Subject who = ctx.requireSubject();
    Optional<String> reason = rawReason.map(r -> TextInput.check(r, "reason", Deletion.MAX_REASON));
    return door.perform(
        ctx,
        Guarded.of(
            "file.delete",
            Action.DELETE,
            tx -> ContentService.fileResource(tx, id),
            AuditObject.of("file", id.value(), null)),
        (tx, resource) -> {
          StoredFile file = tx.files().find(id).orElseThrow();
          Workspace ws = tx.workspaces().find(file.workspace()).orElseThrow();
          Deletion d = new Deletion(door.clock().instant(), who.user(), reason, Optional.empty());
          // Mark first: the row lock makes a concurrent hold on this file wait, then be seen.
          tx.lifecycle().markDeleted(id, d);
          requireNoHold(tx.legalHolds().activeCovering(id, ws.id()), "deleted");
          List<FileVersion> versions = tx.files().versions(id);
          Optional<RetentionPeriod> retention = tx.lifecycle().retention(ws.id());
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("versions", versions.size());
          reason.ifPresent(r -> details.put("reason", r));
          details.put("retention", retention.map(RetentionPeriod::toString).orElse("forever"));
          retention.ifPresent(p -> details.put("contentKeptUntil", keptUntil(p, versions)));
          return Performed.of(d, ContentService.fileObject(ws, file, versions.getLast()), details);
        });
  }

  /** Restores a deleted file whose content was not purged. */
  public StoredFile restore(RequestContext ctx, FileId id) {
    return door.perform(
        ctx,
        Guarded.of(
            "file.restore",
            Action.RESTORE,
            tx -> ContentService.fileResource(tx, id),
            AuditObject.of("file", id.value(), null)),
        (tx, resource) -> {
          StoredFile file = tx.files().find(id).orElseThrow();
          Workspace ws = tx.workspaces().find(file.workspace()).orElseThrow();
          Deletion was =
              tx.lifecycle()
                  .deletion(id)
                  .orElseThrow(() -> new CordonException.Conflict("the file is not deleted"));
          tx.lifecycle().clearDeletion(id);
          FileVersion latest = tx.files().latestVersion(id).orElseThrow();
          return Performed.of(
              file,
              ContentService.fileObject(ws, file, latest),
              Map.of("deletedAt", was.at().toString(), "deletedBy", was.by().value()));
        });
  }

  /**
   * Sets or clears (keep forever) a workspace's retention rule. Administrators only; the event
   * records the rule before and after, so a shortened rule is visible on the trail.
   */
  public Optional<RetentionPeriod> setRetention(
      RequestContext ctx, WorkspaceId id, Optional<RetentionPeriod> retention) {
    return door.perform(
        ctx,
        Guarded.of(
            "workspace.retention",
            Action.ADMINISTER,
            tx -> retentionResource(tx, id),
            AuditObject.of("workspace", id.value(), null)),
        (tx, resource) -> {
          Workspace ws = tx.workspaces().find(id).orElseThrow();
          Optional<RetentionPeriod> before = tx.lifecycle().retention(id);
          tx.lifecycle().setRetention(id, retention);
          return Performed.of(
              retention,
              WorkspaceService.object(ws),
              Map.of("from", shown(before), "to", shown(retention)));
        });
  }

  /** The workspace's retention rule, for anyone who may see the workspace. */
  public Optional<RetentionPeriod> retention(RequestContext ctx, WorkspaceId id) {
    return door.perform(
        ctx,
        Guarded.of(
            "retention.view",
            Action.VIEW,
            tx -> WorkspaceService.resource(tx, id),
            AuditObject.of("workspace", id.value(), null)),
        (tx, resource) ->
            Performed.of(
                tx.lifecycle().retention(id),
                WorkspaceService.object(tx.workspaces().find(id).orElseThrow())));
  }

  /** The policy resource of a workspace's retention rule: installation-wide, so admins decide. */
  static Resource retentionResource(Transaction tx, WorkspaceId id) {
    Workspace ws =
        tx.workspaces()
            .find(id)
            .orElseThrow(() -> new CordonException.NotFound("no such workspace"));
    return new Resource(
        RETENTION, ws.id().value(), Optional.empty(), ws.classification(), List.of());
  }

  /** The resource type of retention rules and purges. */
  public static final String RETENTION = "retention";

  /** Refuses with the first hold's name when any is active. */
  static void requireNoHold(List<LegalHold> holds, String verb) {
    if (!holds.isEmpty()) {
      throw new CordonException.LegalHold(
          "under "
              + holds.getFirst().describe()
              + "; it cannot be "
              + verb
              + " until the hold is released");
    }
  }

  /**
   * A deleted file is not served, signed or acknowledged: callers get 410 with the problem type
   * {@code deleted}. Public for the capabilities that act on a file (signatures).
   */
  public static void requireLive(Transaction tx, FileId id) {
    Optional<Deletion> d = tx.lifecycle().deletion(id);
    if (d.isPresent()) {
      throw new CordonException.Deleted(
          "the file was deleted at "
              + d.get().at()
              + (d.get().isPurged()
                  ? " and its content purged when its retention ended"
                  : "; an owner or administrator may restore it"));
    }
  }

  static String shown(Optional<RetentionPeriod> retention) {
    return retention.map(RetentionPeriod::toString).orElse("forever");
  }

  private static String keptUntil(RetentionPeriod p, List<FileVersion> versions) {
    Instant last =
        versions.stream().map(FileVersion::created).max(Instant::compareTo).orElseThrow();
    return p.endsFor(last).toString();
  }
}
