package io.cordon.audit;

/**
 * Port: somewhere outside the database that receives every new checkpoint (a directory, later the
 * SIEM or e-mail), so that a copy survives a database administrator who rewrites the trail and its
 * checkpoint table together. A failure is reported but does not undo the checkpoint.
 */
@FunctionalInterface
public interface CheckpointSink {
  void publish(StoredCheckpoint checkpoint);

  /** A sink that keeps nothing (tests and offline commands). */
  static CheckpointSink none() {
    return c -> {};
  }
}
