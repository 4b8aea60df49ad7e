package io.cordon.detect.internal;

import com.amazon.randomcutforest.RandomCutForest;
import com.amazon.randomcutforest.returntypes.DiVector;

/**
 * A peer group's Random Cut Forest over per-user hourly feature vectors (Guha et al., "Robust
 * Random Cut Forest Based Anomaly Detection on Streams", ICML 2016). Each closed user-hour is
 * scored, explained with the forest's DiVector attribution when it stands out, and then added to
 * the forest. Not thread-safe.
 */
public final class ForestModel {
  public static final String[] FEATURES = {
    "downloads",
    "megabytes",
    "sensitive downloads",
    "external recipients",
    "failed logins",
    "denied requests",
    "views",
    "uploads",
    "new workspaces",
    "unusual hour"
  };

  /** Updates before scores are believed: a forest with a thin sample calls everything odd. */
  public static final int WARM_UPDATES = 256;

  private final RandomCutForest forest;

  public ForestModel(long seed) {
    forest =
        RandomCutForest.builder()
            .dimensions(FEATURES.length)
            .shingleSize(1)
            .numberOfTrees(30)
            .sampleSize(256)
            .randomSeed(seed)
            .parallelExecutionEnabled(false)
            .build();
  }

  public boolean warm() {
    return forest.getTotalUpdates() >= WARM_UPDATES;
  }

  public double score(float[] point) {
    return forest.getAnomalyScore(point);
  }

  public DiVector attribution(float[] point) {
    return forest.getAnomalyAttribution(point);
  }

  public void update(float[] point) {
    forest.update(point);
  }
}
