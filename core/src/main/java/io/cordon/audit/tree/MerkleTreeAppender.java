package io.cordon.audit.tree;

/**
 * Appends leaves to a Merkle tree, keeping its right frontier: the hashes of the complete subtrees
 * that the binary digits of the size decompose the tree into, at most one per level. Appending a
 * leaf merges equal-sized subtrees like a binary counter carries (amortised one node hash per leaf)
 * and stores each newly complete subtree of a kept level; the current root folds the frontier in at
 * most 63 hashes.
 *
 * <p>The appender does not record leaves: the caller stores each leaf hash in its {@link
 * LeafHashes} after {@link #append} returns (or in the same transaction), so that readers never see
 * a leaf whose subtrees are not yet stored.
 *
 * <p>Not thread-safe: a tree has one appender, as the log has one sequence. If a store write fails,
 * the appender is unchanged and the same leaf can be appended again.
 */
public final class MerkleTreeAppender {
  private static final int LEVELS = 64;

  private final SubtreeHashes subtrees;
  // frontier[level] is the complete subtree at that level, present exactly when bit `level` of
  // size is set; higher levels are further left in the tree.
  private final byte[][] frontier = new byte[LEVELS][];
  private long size;

  /** An appender for an empty tree. */
  public MerkleTreeAppender(SubtreeHashes subtrees) {
    if (subtrees == null) {
      throw new IllegalArgumentException("an appender needs a subtree store");
    }
    this.subtrees = subtrees;
  }

  /**
   * An appender continuing a tree after a restart, its frontier read from the stored subtrees and
   * leaves ({@code leaves.size()} of them) in O(log n) lookups.
   */
  public static MerkleTreeAppender resume(LeafHashes leaves, SubtreeHashes subtrees) {
    MerkleTreeAppender appender = new MerkleTreeAppender(subtrees);
    MerkleTree tree = new MerkleTree(leaves, subtrees);
    long size = leaves.size();
    for (int level = 0; level < LEVELS; level++) {
      if ((size >>> level & 1) == 1) {
        // The subtree at this level ends where the smaller ones to its right begin.
        long end = size & -(1L << level);
        appender.frontier[level] = tree.subtreeHash(level, (end >>> level) - 1);
      }
    }
    appender.size = size;
    return appender;
  }

  /**
   * Appends the leaf with hash {@code leafHash} ({@link MerkleHashes#leafHash}), storing the
   * subtrees it completes.
   *
   * @return the index of the new leaf
   */
  public long append(byte[] leafHash) {
    if (!MerkleHashes.isHash(leafHash)) {
      throw new IllegalArgumentException("a leaf hash has " + MerkleHashes.HASH_BYTES + " bytes");
    }
    long index = size;
    if (index == Long.MAX_VALUE) {
      throw new IllegalStateException("the tree is full");
    }
    byte[] carried = leafHash.clone();
    int level = 0;
    while ((index >>> level & 1) == 1) {
      carried = MerkleHashes.nodeHash(frontier[level], carried);
      level++;
      if (subtrees.keepsLevel(level)) {
        subtrees.put(level, index >>> level, carried);
      }
    }
    // Only now that every store write succeeded does the frontier change.
    for (int merged = 0; merged < level; merged++) {
      frontier[merged] = null;
    }
    frontier[level] = carried;
    size = index + 1;
    return index;
  }

  /** The number of leaves appended. */
  public long size() {
    return size;
  }

  /** The root hash of the tree as it is now. */
  public byte[] rootHash() {
    byte[] folded = null;
    for (byte[] subtree : frontier) {
      if (subtree != null) {
        folded = folded == null ? subtree.clone() : MerkleHashes.nodeHash(subtree, folded);
      }
    }
    return folded == null ? MerkleHashes.emptyRoot() : folded;
  }
}
