package io.cordon.audit;

import java.time.Instant;

/**
 * A witness's cosignature of one of this installation's checkpoints, kept as the signature line the
 * witness returned (c2sp.org/tlog-cosignature), verified before it was stored.
 *
 * @param treeSize the size of the checkpoint it cosigns
 * @param witness the witness's key name
 * @param line the signature line, ending in a newline
 * @param cosigned the time the cosignature states
 */
public record StoredCosignature(long treeSize, String witness, String line, Instant cosigned) {
  public StoredCosignature {
    if (treeSize < 1 || witness == null || line == null || !line.endsWith("\n")) {
      throw new IllegalArgumentException("incomplete cosignature");
    }
  }
}
