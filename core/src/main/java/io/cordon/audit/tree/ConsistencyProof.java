package io.cordon.audit.tree;

import java.util.List;

/**
 * A consistency proof (RFC 9162 §2.1.4): the hashes that show the tree of {@code fromSize} leaves
 * is a prefix of the tree of {@code toSize} leaves, that is, nothing logged was changed or removed.
 * Empty when the sizes are equal. Immutable; the hashes are copied in and out.
 *
 * @param fromSize the size of the earlier tree, at least 1 (the empty tree is a prefix of every
 *     tree, so a proof from it would prove nothing)
 * @param toSize the size of the later tree, at least {@code fromSize}
 * @param hashes the proof, each {@value MerkleHashes#HASH_BYTES} bytes
 */
public record ConsistencyProof(long fromSize, long toSize, List<byte[]> hashes) {
  public ConsistencyProof {
    if (fromSize < 1 || toSize < fromSize) {
      throw new IllegalArgumentException("no consistency proof from " + fromSize + " to " + toSize);
    }
    hashes = HashLists.copyOf(hashes);
  }

  @Override
  public List<byte[]> hashes() {
    return HashLists.copyOf(hashes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConsistencyProof that
        && fromSize == that.fromSize
        && toSize == that.toSize
        && HashLists.equal(hashes, that.hashes);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fromSize) * 31 * 31
        + Long.hashCode(toSize) * 31
        + HashLists.hashCode(hashes);
  }

  @Override
  public String toString() {
    return "ConsistencyProof[fromSize="
        + fromSize
        + ", toSize="
        + toSize
        + ", hashes="
        + HashLists.toHex(hashes)
        + "]";
  }
}
