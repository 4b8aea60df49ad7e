package io.cordon.audit.witness;

import io.cordon.audit.checkpoint.VerifierKey;
import io.cordon.audit.tree.MerkleHashes;
import io.cordon.context.CordonException;
import java.time.Instant;
import java.util.Arrays;

/**
 * A log this installation witnesses: its origin, the key its checkpoints are signed with, and the
 * latest checkpoint cosigned for it (size 0 and no root until the first). Immutable; the root is
 * copied in and out.
 *
 * @param rootHash the root of the latest cosigned checkpoint, empty while {@code treeSize} is 0
 */
public record WitnessedLog(
    String origin, VerifierKey key, long treeSize, byte[] rootHash, Instant updated) {
  /** The longest origin accepted; a checkpoint's first line names the log, briefly. */
  public static final int MAX_ORIGIN = 256;

  public WitnessedLog {
    checkOrigin(origin);
    if (key == null || updated == null) {
      throw new IllegalArgumentException("a witnessed log needs a key and a time");
    }
    if (treeSize < 0) {
      throw new CordonException.InvalidInput("a tree size is at least 0");
    }
    rootHash = rootHash == null ? new byte[0] : rootHash.clone();
    if (treeSize == 0 ? rootHash.length != 0 : !MerkleHashes.isHash(rootHash)) {
      throw new CordonException.InvalidInput("a witnessed log has a 32-byte root once cosigned");
    }
  }

  /** A newly registered log, never cosigned. */
  public static WitnessedLog registered(String origin, VerifierKey key, Instant at) {
    return new WitnessedLog(origin, key, 0, new byte[0], at);
  }

  /** Refuses an origin that cannot be a checkpoint's first line. */
  public static String checkOrigin(String origin) {
    if (origin == null
        || origin.isEmpty()
        || origin.length() > MAX_ORIGIN
        || origin.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new CordonException.InvalidInput(
          "a log's origin is one line of 1 to " + MAX_ORIGIN + " characters");
    }
    return origin;
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WitnessedLog w
        && origin.equals(w.origin)
        && key.equals(w.key)
        && treeSize == w.treeSize
        && Arrays.equals(rootHash, w.rootHash)
        && updated.equals(w.updated);
  }

  @Override
  public int hashCode() {
    return origin.hashCode() * 31 + Long.hashCode(treeSize);
  }
}
