package io.cordon.audit.tree;

import java.util.List;

/**
 * An inclusion proof (RFC 9162 §2.1.3): the hashes that, with a leaf's hash, recompute the root of
 * the tree of {@code treeSize} leaves, ordered from the leaf upwards. Immutable; the hashes are
 * copied in and out.
 *
 * @param leafIndex the zero-based index of the leaf, below {@code treeSize}
 * @param treeSize the number of leaves of the tree the proof is for
 * @param hashes the audit path, each {@value MerkleHashes#HASH_BYTES} bytes
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> hashes) {
  public InclusionProof {
    if (leafIndex < 0 || leafIndex >= treeSize) {
      throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + treeSize);
    }
    hashes = HashLists.copyOf(hashes);
  }

  @Override
  public List<byte[]> hashes() {
    return HashLists.copyOf(hashes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InclusionProof that
        && leafIndex == that.leafIndex
        && treeSize == that.treeSize
        && HashLists.equal(hashes, that.hashes);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(leafIndex) * 31 * 31
        + Long.hashCode(treeSize) * 31
        + HashLists.hashCode(hashes);
  }

  @Override
  public String toString() {
    return "InclusionProof[leafIndex="
        + leafIndex
        + ", treeSize="
        + treeSize
        + ", hashes="
        + HashLists.toHex(hashes)
        + "]";
  }
}
