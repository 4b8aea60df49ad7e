package io.cordon.content;

import io.cordon.audit.AuditEvent;
import io.cordon.audit.AuditEvent.AuditObject;
import io.cordon.context.RequestContext;
import io.cordon.door.Guarded;
import io.cordon.door.OneDoor;
import io.cordon.policy.Action;
import io.cordon.policy.Resource;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An operator's sweep of the blob store ({@code cordon blobs sweep}) through the one door: only an
 * administrator may, and what it removed is audited as {@code blob.sweep}. The serving node's own
 * periodic sweep is housekeeping, not a request, and calls {@link BlobSweeper} directly.
 */
public final class BlobMaintenance {
  private static final Resource BLOB_STORE = Resource.system("blob-store");

  private final OneDoor door;
  private final BlobSweeper sweeper;

  public BlobMaintenance(OneDoor door, BlobSweeper sweeper) {
    this.door = door;
    this.sweeper = sweeper;
  }

  /** Removes unfinished uploads and orphaned blobs older than {@code grace}. */
  public BlobSweeper.Result sweep(RequestContext ctx, Duration grace) {
    // The sweep deletes files and runs no transaction of its own: decide first, record after.
    door.authorize(ctx, Guarded.of("blob.sweep", Action.ADMINISTER, BLOB_STORE));
    BlobSweeper.Result r = sweeper.sweep(grace);
    door.record(
        ctx,
        "blob.sweep",
        Optional.of(AuditObject.of("blob-store", "blob-store", null)),
        AuditEvent.Outcome.SUCCESS,
        Optional.empty(),
        Map.of(
            "graceSeconds", grace.toSeconds(),
            "temporaries", r.temporaries(),
            "orphans", r.orphans()));
    return r;
  }
}
