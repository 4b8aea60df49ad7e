package io.cordon.audit;

import java.time.Instant;
import java.util.Arrays;

/**
 * A signed checkpoint as kept in the database: the tree size and root it commits to, the signed
 * note exactly as published (C2SP tlog-checkpoint), and when it was made. Arrays are copied.
 */
public record StoredCheckpoint(long treeSize, byte[] rootHash, String note, Instant created) {
  public StoredCheckpoint {
    rootHash = rootHash.clone();
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
