package io.cordon.audit.tree;

import io.cordon.context.CordonException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The read side of a log's Merkle tree (RFC 9162 §2.1): root hashes of any size, inclusion and
 * consistency proofs, all built from complete-subtree hashes. Every range the RFC's recursive
 * definitions hash is aligned, so it splits into at most 64 complete subtrees, and each of those is
 * a lookup in {@link SubtreeHashes} or a few hashes away from one: a proof costs O(log n) lookups
 * and hashes, whatever the size of the tree.
 *
 * <p>Thread-safe if its ports are. Sizes refer to prefixes of the log, which never change, so a
 * proof for a size already reached is unaffected by concurrent appends.
 */
public final class MerkleTree {
  private final LeafHashes leaves;
  private final SubtreeHashes subtrees;

  public MerkleTree(LeafHashes leaves, SubtreeHashes subtrees) {
    if (leaves == null || subtrees == null) {
      throw new IllegalArgumentException("a tree needs its leaves and its subtree hashes");
    }
    this.leaves = leaves;
    this.subtrees = subtrees;
  }

  /** The number of leaves now. */
  public long size() {
    return leaves.size();
  }

  /** The root hash (Merkle tree hash, RFC 9162 §2.1.1) of the first {@code treeSize} leaves. */
  public byte[] rootHash(long treeSize) {
    requireSize(treeSize);
    return treeSize == 0 ? MerkleHashes.emptyRoot() : rangeHash(0, treeSize);
  }

  /**
   * The hash of the complete subtree at ({@code level}, {@code index}): leaves {@code index ·
   * 2^level} up to {@code (index + 1) · 2^level - 1}, all of which must exist.
   */
  public byte[] subtreeHash(int level, long index) {
    if (level < 0 || level > 62 || index < 0 || index > (size() >>> level) - 1) {
      throw new CordonException.InvalidInput(
          "no complete subtree (" + level + ", " + index + ") in a tree of " + size());
    }
    return perfectHash(level, index);
  }

  /**
   * The audit path of RFC 9162 §2.1.3.1 for leaf {@code leafIndex} in the tree of {@code treeSize}.
   */
  public InclusionProof inclusionProof(long leafIndex, long treeSize) {
    requireSize(treeSize);
    if (leafIndex < 0 || leafIndex >= treeSize) {
      throw new CordonException.InvalidInput(
          "leaf " + leafIndex + " is not in a tree of " + treeSize);
    }
    // PATH(m, D[begin:end]) descends towards the leaf; the sibling at each step joins the proof,
    // which lists them from the leaf upwards.
    List<byte[]> path = new ArrayList<>();
    long begin = 0;
    long end = treeSize;
    while (end - begin > 1) {
      long split = largestPowerOfTwoBelow(end - begin);
      if (leafIndex < begin + split) {
        path.add(rangeHash(begin + split, end));
        end = begin + split;
      } else {
        path.add(perfectHash(levelOf(split), begin / split));
        begin += split;
      }
    }
    Collections.reverse(path);
    return new InclusionProof(leafIndex, treeSize, path);
  }

  /**
   * The consistency proof of RFC 9162 §2.1.4.1 from the tree of {@code fromSize} leaves to that of
   * {@code toSize}; {@code 1 <= fromSize <= toSize}.
   */
  public ConsistencyProof consistencyProof(long fromSize, long toSize) {
    requireSize(toSize);
    if (fromSize < 1 || fromSize > toSize) {
      throw new CordonException.InvalidInput(
          "no consistency proof from " + fromSize + " to " + toSize + " leaves");
    }
    // SUBPROOF(m, D[begin:end], whole) iteratively; "whole" is the RFC's b: the range is still a
    // prefix of the earlier tree's root, so its hash is known to the verifier.
    List<byte[]> proof = new ArrayList<>();
    long begin = 0;
    long end = toSize;
    boolean whole = true;
    while (fromSize != end) {
      long split = largestPowerOfTwoBelow(end - begin);
      if (fromSize - begin <= split) {
        proof.add(rangeHash(begin + split, end));
        end = begin + split;
      } else {
        proof.add(perfectHash(levelOf(split), begin / split));
        begin += split;
        whole = false;
      }
    }
    if (!whole) {
      proof.add(rangeHash(begin, end));
    }
    Collections.reverse(proof);
    return new ConsistencyProof(fromSize, toSize, proof);
  }

  /**
   * The Merkle tree hash of leaves {@code begin} to {@code end - 1}, where {@code begin} is a
   * multiple of the largest power of two not above {@code end - begin} (true of every range the RFC
   * recursions produce). Such a range is the complete subtrees of the binary digits of its length,
   * largest first, and its hash folds them from the right.
   */
  private byte[] rangeHash(long begin, long end) {
    byte[] folded = null;
    long position = end;
    for (long rest = end - begin; rest != 0; rest &= rest - 1) {
      long width = Long.lowestOneBit(rest);
      position -= width;
      byte[] subtree = perfectHash(levelOf(width), position / width);
      folded = folded == null ? subtree : MerkleHashes.nodeHash(subtree, folded);
    }
    return folded;
  }

  private byte[] perfectHash(int level, long index) {
    if (level == 0) {
      return checked(leaves.leafHash(index));
    }
    if (subtrees.keepsLevel(level)) {
      return checked(subtrees.get(level, index));
    }
    return MerkleHashes.nodeHash(
        perfectHash(level - 1, 2 * index), perfectHash(level - 1, 2 * index + 1));
  }

  private static byte[] checked(byte[] hash) {
    if (!MerkleHashes.isHash(hash)) {
      // A kept subtree that is missing, or a stored hash of the wrong length: the store is behind
      // the leaves or damaged, and any proof built from it would be wrong.
      throw new CordonException.IntegrityViolation(
          "the audit tree's stored hashes are incomplete", null);
    }
    return hash;
  }

  private void requireSize(long treeSize) {
    long size = size();
    if (treeSize < 0 || treeSize > size) {
      throw new CordonException.InvalidInput(
          "tree size " + treeSize + " is not between 0 and " + size);
    }
  }

  /** The split point k of RFC 9162 §2.1.1: the largest power of two smaller than {@code n > 1}. */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  private static int levelOf(long powerOfTwo) {
    return Long.numberOfTrailingZeros(powerOfTwo);
  }
}
