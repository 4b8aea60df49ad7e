package io.cordon.content;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import io.cordon.storage.BlobStore;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Purges the content of soft-deleted files whose retention has ended ({@code cordon retention
 * purge}): for each such file, one audited transaction destroys every version's wrapped data key
 * and marks the versions purged (event {@code file.purge} with what was removed), then the
 * ciphertext blobs are deleted. A blob left behind by a crash after the commit is unreadable (its
 * key is gone) and no longer referenced, so the blob sweeper removes it. The metadata — names,
 * version numbers, sizes, SHA-256 — stays as a tombstone, as does every audit event.
 *
 * <p>A file is due only when it is deleted, not purged, under no active legal hold, its workspace
 * has a retention rule, and every version is older than that rule. Administrators only. Supports EU
 * GMP Annex 11 §17 (records kept for the retention period, then disposed of under control).
 * Thread-safe.
 */
public final class RetentionPurge {
  private static final Resource PURGE = Resource.system(RecordLifecycleService.RETENTION);

  private final OneDoor door;
  private final MetadataStore store;
  private final BlobStore blobs;

  public RetentionPurge(OneDoor door, MetadataStore store, BlobStore blobs) {
    this.door = door;
    this.store = store;
    this.blobs = blobs;
  }

  /** Why a deleted file's content is, or is not yet, purged. */
  public enum Verdict {
    DUE,
    NOT_DUE,
    HELD,
    KEPT_FOREVER
  }

  /** One deleted file and what the run did with it. */
  public record Item(FileId file, String name, Verdict verdict, String detail, boolean purged) {}

  /** The result of one run. */
  public record Report(boolean dryRun, List<Item> items) {
    public Report {
      items = List.copyOf(items);
    }

    public long purged() {
      return items.stream().filter(Item::purged).count();
    }
  }

  /** Purges every due file; with {@code dryRun}, only says which would go. */
  public Report purge(RequestContext ctx, boolean dryRun) {
    door.authorize(ctx, Guarded.of("retention.purge", Action.ADMINISTER, PURGE));
    List<FileId> candidates = store.read(tx -> tx.lifecycle().deletedUnpurged());
    List<Item> items = new ArrayList<>();
    for (FileId id : candidates) {
      Item assessed = store.read(tx -> assess(tx, id, door.clock().instant()));
      if (!dryRun && assessed.verdict() == Verdict.DUE) {
        items.add(purgeOne(ctx, id, assessed));
      } else {
        items.add(assessed);
      }
    }
    Report report = new Report(dryRun, items);
    door.record(
        ctx,
        "retention.purge",
        Optional.of(AuditObject.of(PURGE.type(), PURGE.id(), null)),
        AuditEvent.Outcome.SUCCESS,
        Optional.empty(),
        Map.of(
            "dryRun", dryRun,
            "deletedFiles", items.size(),
            "due", items.stream().filter(i -> i.verdict() == Verdict.DUE).count(),
            "purged", report.purged()));
    return report;
  }

  private Item purgeOne(RequestContext ctx, FileId id, Item assessed) {
    List<FileVersion> removed;
    try {
      removed =
          door.perform(
              ctx,
              Guarded.of("file.purge", Action.ADMINISTER, tx -> PURGE, fileRef(id)),
              (tx, resource) -> {
                Item now = assess(tx, id, door.clock().instant());
                if (now.verdict() != Verdict.DUE) {
                  throw new CordonException.Conflict("no longer due for purge: " + now.detail());
                }
                StoredFile file = tx.files().find(id).orElseThrow();
                Workspace ws = tx.workspaces().find(file.workspace()).orElseThrow();
                List<FileVersion> versions = tx.lifecycle().markPurged(id, door.clock().instant());
                return Performed.of(
                    versions,
                    ContentService.fileObject(ws, file, versions.getLast()),
                    removal(versions));
              });
    } catch (CordonException e) {
      // Recorded by the door as an error; the run goes on with the next file.
      return new Item(id, assessed.name(), assessed.verdict(), e.getMessage(), false);
    }
    for (FileVersion v : removed) {
      blobs.delete(v.blobKey());
    }
    return new Item(id, assessed.name(), Verdict.DUE, assessed.detail(), true);
  }

  /** Whether the file is due, read inside {@code tx} at {@code now}. */
  static Item assess(Transaction tx, FileId id, Instant now) {
    StoredFile file = tx.files().find(id).orElseThrow();
    Optional<Deletion> deletion = tx.lifecycle().deletion(id);
    if (deletion.isEmpty() || deletion.get().isPurged()) {
      return new Item(id, file.name(), Verdict.NOT_DUE, "not deleted, or purged already", false);
    }
    List<LegalHold> holds = tx.legalHolds().activeCovering(id, file.workspace());
    if (!holds.isEmpty()) {
      return new Item(id, file.name(), Verdict.HELD, holds.getFirst().describe(), false);
    }
    Optional<RetentionPeriod> retention = tx.lifecycle().retention(file.workspace());
    if (retention.isEmpty()) {
      return new Item(
          id, file.name(), Verdict.KEPT_FOREVER, "the workspace keeps content forever", false);
    }
    Instant newest =
        tx.files().versions(id).stream()
            .map(FileVersion::created)
            .max(Instant::compareTo)
            .orElse(file.created());
    Instant ends = retention.get().endsFor(newest);
    if (ends.isAfter(now)) {
      return new Item(
          id,
          file.name(),
          Verdict.NOT_DUE,
          "retention " + retention.get() + " ends " + ends,
          false);
    }
    return new Item(
        id, file.name(), Verdict.DUE, "retention " + retention.get() + " ended " + ends, false);
  }

  private static Map<String, Object> removal(List<FileVersion> versions) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("versions", versions.stream().map(FileVersion::number).toList());
    d.put("sha256", versions.stream().map(FileVersion::sha256).toList());
    d.put("bytes", versions.stream().mapToLong(FileVersion::size).sum());
    d.put("blobsRemoved", versions.size());
    d.put("dataKeysDestroyed", versions.size());
    return d;
  }

  private static AuditObject fileRef(FileId id) {
    return AuditObject.of("file", id.value(), null);
  }
}
