package io.cordon.audit;

import java.util.List;
import java.util.OptionalLong;

/** Port: witnesses' cosignatures of this installation's checkpoints, used inside a transaction. */
public interface Cosignatures {
  /** Stores a cosignature; a witness's second one for the same checkpoint is ignored. */
  void insert(StoredCosignature cosignature);

  /** The cosignatures of the checkpoint of {@code treeSize}, by witness name. */
  List<StoredCosignature> forCheckpoint(long treeSize);

  /** The size of the largest checkpoint {@code witness} cosigned, if any. */
  OptionalLong latestSize(String witness);
}
