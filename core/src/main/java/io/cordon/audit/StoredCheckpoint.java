package io.cordon.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A signed checkpoint as kept in the database: the tree size and root it commits to, the signed
 * note exactly as published (C2SP tlog-checkpoint), and when it was made. Arrays are copied.
 */
public record StoredCheckpoint(long treeSize, byte[] rootHash, String note, Instant created) {
  public StoredCheckpoint {
    rootHash = rootHash.clone();
  }

  /**
   * The same checkpoint with witnesses' cosignature lines after the log's own signature, as it is
   * published (c2sp.org/tlog-cosignature).
   */
  public StoredCheckpoint withCosignatures(List<StoredCosignature> cosignatures) {
    StringBuilder cosigned = new StringBuilder(note);
    cosignatures.forEach(c -> cosigned.append(c.line()));
    return new StoredCheckpoint(treeSize, rootHash, cosigned.toString(), created);
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredCheckpoint c
        && treeSize == c.treeSize
        && Arrays.equals(rootHash, c.rootHash)
        && note.equals(c.note)
        && created.equals(c.created);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(treeSize) * 31 + note.hashCode();
  }
}
