package io.cordon.inspect;

import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.content.Classification;
import io.cordon.content.ContentService;
import io.cordon.content.FileId;
import io.cordon.content.FileVersion;
import io.cordon.content.RecordLifecycleService;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.door.Performed;
import io.cordon.inspect.Inspections.VersionKey;
import io.cordon.policy.Action;
import io.cordon.storage.MetadataStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * People changing a file's classification label (issue 5, "Classification"). Raising is the policy
 * action {@code classify} (audited {@code file.classify}); lowering is {@code declassify}, needs a
 * justification, and is audited {@code file.declassify} with both levels and the justification. The
 * label of the newest version changes; data types and the inspection state stay as inspection found
 * them. Thread-safe.
 */
public final class LabelService {
  /** The longest justification kept in the audit trail. */
  public static final int MAX_JUSTIFICATION = 1000;

  private final OneDoor door;
  private final MetadataStore store;

  public LabelService(OneDoor door, MetadataStore store) {
    this.door = door;
    this.store = store;
  }

  /** The label after the change. */
  public record Relabelled(FileId file, int version, Classification from, Classification to) {}

  /**
   * Sets the label of the file's newest version.
   *
   * @throws CordonException.InvalidInput when lowering without a justification, or the label is
   *     already {@code to}
   * @throws CordonException.Conflict if the label changed while the request was decided
   */
  public Relabelled change(
      RequestContext ctx, FileId id, Classification to, Optional<String> justification) {
    Classification now =
        store.inTransaction(tx -> ContentService.fileResource(tx, id)).classification();
    if (now == to) {
      throw new CordonException.InvalidInput("the file is labelled " + to.code() + " already");
    }
    boolean lowering = to.compareTo(now) < 0;
    Optional<String> reason = justification.map(String::strip).filter(j -> !j.isEmpty());
    if (lowering && reason.isEmpty()) {
      throw new CordonException.InvalidInput(
          "lowering a label needs a 'justification' (it is kept in the audit trail)");
    }
    if (reason.isPresent() && reason.get().length() > MAX_JUSTIFICATION) {
      throw new CordonException.InvalidInput(
          "'justification' is longer than " + MAX_JUSTIFICATION + " characters");
    }
    return door.perform(
        ctx,
        Guarded.of(
            lowering ? "file.declassify" : "file.classify",
            lowering ? Action.DECLASSIFY : Action.CLASSIFY,
            tx -> ContentService.fileResource(tx, id),
            AuditObject.of("file", id.value(), null)),
        (tx, resource) -> {
          RecordLifecycleService.requireLive(tx, id);
          if (resource.classification() != now) {
            throw new CordonException.Conflict(
                "the label changed to " + resource.classification().code() + "; ask again");
          }
          FileVersion latest = tx.files().latestVersion(id).orElseThrow();
          VersionKey key = new VersionKey(id, latest.number());
          // Every live version has a record (V15 gave the older ones theirs).
          Verdict verdict =
              tx.inspections()
                  .find(key)
                  .orElseThrow(() -> new IllegalStateException("version without its record"));
          tx.inspections().update(key, verdict.relabelled(to, door.clock().instant()));
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("version", latest.number());
          details.put("from", now.code());
          details.put("to", to.code());
          reason.ifPresent(r -> details.put("justification", r));
          return Performed.of(
              new Relabelled(id, latest.number(), now, to),
              ContentService.versionObject(tx, id, latest.number()),
              details);
        });
  }
}
