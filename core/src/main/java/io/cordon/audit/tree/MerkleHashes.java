package io.cordon.audit.tree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash functions of RFC 9162 §2.1.1 with SHA-256: a leaf is {@code SHA-256(0x00 ‖ data)}, an
 * interior node {@code SHA-256(0x01 ‖ left ‖ right)}, and the empty tree {@code SHA-256("")}. The
 * distinct prefixes keep a leaf from ever being passed off as a node (second-preimage attacks).
 *
 * <p>Stateless and thread-safe; every call returns a fresh array.
 */
public final class MerkleHashes {
  /** The length of every hash in the tree, in bytes. */
  public static final int HASH_BYTES = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final MessageDigest PROTOTYPE = sha256();
  private static final byte[] EMPTY_ROOT = newDigest().digest();

  private MerkleHashes() {}

  /** The hash of a leaf holding {@code data}. */
  public static byte[] leafHash(byte[] data) {
    MessageDigest digest = newDigest();
    digest.update(LEAF_PREFIX);
    digest.update(data);
    return digest.digest();
  }

  /**
   * The hash of the node whose children hash to {@code left} and {@code right}. Any lengths are
   * accepted, as RFC 6962's reference vectors hash raw strings this way; within a tree they are
   * always {@value #HASH_BYTES} bytes.
   */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest digest = newDigest();
    digest.update(NODE_PREFIX);
    digest.update(left);
    digest.update(right);
    return digest.digest();
  }

  /** The root hash of the tree with no leaves. */
  public static byte[] emptyRoot() {
    return EMPTY_ROOT.clone();
  }

  /** Whether {@code hash} has the length of a tree hash. */
  public static boolean isHash(byte[] hash) {
    return hash != null && hash.length == HASH_BYTES;
  }

  // Cloning a digest skips the provider lookup that getInstance does on every call.
  private static MessageDigest newDigest() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return sha256();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
