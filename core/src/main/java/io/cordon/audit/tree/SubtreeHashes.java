package io.cordon.audit.tree;

/**
 * Port: a cache of the hashes of complete subtrees, the nodes that never change once their last
 * leaf is appended. The subtree at ({@code level}, {@code index}) covers leaves {@code index ·
 * 2^level} to {@code (index + 1) · 2^level - 1}; level 0 is the leaves themselves, which live in
 * {@link LeafHashes} and are never stored here.
 *
 * <p>A store keeps only some levels ({@link #keepsLevel}). Every node above the leaves is then at
 * most a few hashes away from a kept one, so that any subtree hash, and so any proof, costs O(log
 * n) lookups; keeping fewer levels trades lookups for space (keeping every fourth level stores
 * about n/15 hashes for n leaves).
 *
 * <p>Contract: every subtree of a kept level that lies wholly within the leaves a reader can see is
 * stored. Writers store a subtree before its last leaf becomes visible (or in the same
 * transaction). Implementations must be safe for one writer and concurrent readers.
 */
public interface SubtreeHashes {
  /** Whether subtrees of {@code level} (at least 1) are stored. The answer never changes. */
  boolean keepsLevel(int level);

  /**
   * The stored hash of the subtree at ({@code level}, {@code index}), or {@code null} if it has not
   * been stored.
   */
  byte[] get(int level, long index);

  /**
   * Stores the hash of a complete subtree of a kept level. Subtrees of one level are stored in
   * index order; storing the same hash again is allowed (a retried append), a different one is not.
   */
  void put(int level, long index, byte[] hash);
}
