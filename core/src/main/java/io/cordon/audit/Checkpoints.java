package io.cordon.audit;

import java.util.List;
import java.util.Optional;

/**
 * Port: the signed checkpoints of the audit trail, used inside a transaction. Append-only: a tree
 * size is checkpointed at most once.
 */
public interface Checkpoints {
  /** Stores a checkpoint; a second one for the same tree size is a Conflict. */
  void insert(StoredCheckpoint checkpoint);

  /** The checkpoint of the largest tree, if any. */
  Optional<StoredCheckpoint> latest();

  /** Checkpoints with {@code treeSize >= fromSize}, smallest first, at most {@code limit}. */
  List<StoredCheckpoint> list(long fromSize, int limit);
}
