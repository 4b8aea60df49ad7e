package io.cordon.content;

import io.cordon.storage.BlobStore;
import io.cordon.storage.MetadataStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a crash can leave in the blob store: temporaries of uploads that never finished, and
 * published blobs that no version refers to (the process died between publishing and committing). A
 * grace period protects uploads still in flight on this or another node. Thread-safe; meant to run
 * at start-up and then periodically.
 */
public final class BlobSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(BlobSweeper.class);

  private final MetadataStore store;
  private final BlobStore blobs;
  private final Clock clock;

  public BlobSweeper(MetadataStore store, BlobStore blobs, Clock clock) {
    this.store = store;
    this.blobs = blobs;
    this.clock = clock;
  }

  /**
   * Sweeps once.
   *
   * @param grace how old a temporary or unreferenced blob must be before it is removed; zero is
   *     safe only when no upload can be in flight (start-up of the only node)
   */
  public Result sweep(Duration grace) {
    Instant cutoff = clock.instant().minus(grace);
    int temporaries = blobs.sweepTemporaries(cutoff);
    List<String> candidates = new ArrayList<>();
    blobs.forEachPublishedBefore(cutoff, candidates::add);
    int orphans = 0;
    for (String key : candidates) {
      boolean referenced =
          store.read(tx -> tx.files().isBlobReferenced(key) || tx.uploads().isBlobReferenced(key));
      if (!referenced) {
        blobs.delete(key);
        orphans++;
      }
    }
    if (temporaries + orphans > 0) {
      LOG.info(
          "blob sweep removed {} unfinished uploads and {} orphaned blobs", temporaries, orphans);
    }
    return new Result(temporaries, orphans);
  }

  /** How many temporaries and orphaned blobs a sweep removed. */
  public record Result(int temporaries, int orphans) {}
}
