package io.cordon.audit.tree;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies inclusion and consistency proofs with the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2.
 * Every input may be hostile: malformed values are rejected, never thrown.
 *
 * <p>The edge cases follow transparency-dev/merkle (whose published vectors the tests run): a
 * consistency proof from size 0 is rejected as meaningless, and between equal sizes the proof must
 * be empty and the roots equal.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProofVerifier {
  private ProofVerifier() {}

  /**
   * Whether {@code proof} shows a leaf hashing to {@code leafHash} in the tree with {@code root}.
   */
  public static ProofResult verifyInclusion(InclusionProof proof, byte[] leafHash, byte[] root) {
    return verifyInclusion(proof.leafIndex(), proof.treeSize(), leafHash, proof.hashes(), root);
  }

  /**
   * Whether {@code proof} shows the tree with {@code fromRoot} is a prefix of that with {@code
   * toRoot}.
   */
  public static ProofResult verifyConsistency(
      ConsistencyProof proof, byte[] fromRoot, byte[] toRoot) {
    return verifyConsistency(proof.fromSize(), proof.toSize(), proof.hashes(), fromRoot, toRoot);
  }

  /**
   * Whether {@code path} proves that leaf {@code leafIndex}, hashing to {@code leafHash}, is in the
   * tree of {@code treeSize} leaves whose root is {@code root}.
   */
  public static ProofResult verifyInclusion(
      long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
    if (leafIndex < 0 || leafIndex >= treeSize) {
      return rejected("leaf index " + leafIndex + " is not in a tree of " + treeSize);
    }
    String malformed = malformedProof(path);
    if (malformed != null) {
      return rejected(malformed);
    }
    if (!MerkleHashes.isHash(leafHash) || !MerkleHashes.isHash(root)) {
      return rejected("the leaf hash and the root must be " + MerkleHashes.HASH_BYTES + " bytes");
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        return rejected("the proof is longer than the path to the root");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHashes.nodeHash(p, r);
        // On the right border a node has no right sibling: climb until it is a right child.
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = MerkleHashes.nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      return rejected("the proof is shorter than the path to the root");
    }
    return matches(r, root, "the proof leads to a different root");
  }

  /**
   * Whether {@code proof} shows that the tree of {@code fromSize} leaves with root {@code fromRoot}
   * is a prefix of the tree of {@code toSize} leaves with root {@code toRoot}.
   */
  public static ProofResult verifyConsistency(
      long fromSize, long toSize, List<byte[]> proof, byte[] fromRoot, byte[] toRoot) {
    if (fromSize < 1) {
      return rejected("a consistency proof from the empty tree proves nothing");
    }
    if (toSize < fromSize) {
      return rejected(
          "the later tree (" + toSize + ") is smaller than the earlier (" + fromSize + ")");
    }
    String malformed = malformedProof(proof);
    if (malformed != null) {
      return rejected(malformed);
    }
    if (fromSize == toSize) {
      if (!proof.isEmpty()) {
        return rejected("between equal sizes the proof must be empty");
      }
      return matches(fromRoot, toRoot, "equal sizes with different roots");
    }
    if (proof.isEmpty()) {
      return rejected("the proof is empty");
    }
    if (!MerkleHashes.isHash(fromRoot) || !MerkleHashes.isHash(toRoot)) {
      return rejected("the roots must be " + MerkleHashes.HASH_BYTES + " bytes");
    }
    return chainConsistency(fromSize, toSize, proof, fromRoot, toRoot);
  }

  // RFC 9162 §2.1.4.2 steps 2 to 7.
  private static ProofResult chainConsistency(
      long fromSize, long toSize, List<byte[]> proof, byte[] fromRoot, byte[] toRoot) {
    List<byte[]> path = proof;
    if (Long.bitCount(fromSize) == 1) {
      // The earlier tree is one complete subtree of the later: its root starts the path.
      path = new ArrayList<>(proof.size() + 1);
      path.add(fromRoot);
      path.addAll(proof);
    }
    long fn = fromSize - 1;
    long sn = toSize - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return rejected("the proof is longer than the path to the root");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHashes.nodeHash(c, fr);
        sr = MerkleHashes.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = MerkleHashes.nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      return rejected("the proof is shorter than the path to the root");
    }
    ProofResult first = matches(fr, fromRoot, "the proof leads to a different earlier root");
    return first.isVerified()
        ? matches(sr, toRoot, "the proof leads to a different later root")
        : first;
  }

  /** Why {@code proof} cannot be a proof, or {@code null} if it is a list of tree hashes. */
  private static String malformedProof(List<byte[]> proof) {
    if (proof == null) {
      return "no proof";
    }
    for (int i = 0; i < proof.size(); i++) {
      if (!MerkleHashes.isHash(proof.get(i))) {
        return "proof hash " + i + " is not " + MerkleHashes.HASH_BYTES + " bytes";
      }
    }
    return null;
  }

  private static ProofResult matches(byte[] computed, byte[] expected, String otherwise) {
    return computed != null && expected != null && MessageDigest.isEqual(computed, expected)
        ? ProofResult.VERIFIED
        : rejected(otherwise);
  }

  private static ProofResult rejected(String reason) {
    return new ProofResult.Rejected(reason);
  }
}
