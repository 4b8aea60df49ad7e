package io.cordon.audit;

import io.cordon.audit.tree.MerkleHashes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash chain that links every audit event to the one before it, next to the Merkle tree that
 * both are leaves of. An event's leaf data is the exact UTF-8 bytes of its stored JSON; its leaf
 * hash is RFC 9162's {@code SHA-256(0x00 ‖ data)}; its chain hash is {@code SHA-256(0x02 ‖ previous
 * chain hash ‖ leaf hash)}, starting from 32 zero bytes before event 1. The chain lets a verifier
 * name the first event that was modified, inserted, deleted or reordered without building the tree;
 * the prefix 0x02 keeps a chain hash from ever passing for a tree leaf (0x00) or node (0x01).
 *
 * <p>Stateless and thread-safe; every call returns a fresh array.
 */
public final class AuditChain {
  private static final byte CHAIN_PREFIX = 0x02;
  private static final MessageDigest PROTOTYPE = sha256();

  private AuditChain() {}

  /** The chain hash "before" event 1. */
  public static byte[] genesis() {
    return new byte[MerkleHashes.HASH_BYTES];
  }

  /** The RFC 9162 leaf hash of an event's leaf data. */
  public static byte[] leafHash(byte[] leafData) {
    return MerkleHashes.leafHash(leafData);
  }

  /** The chain hash of an event whose leaf hash is {@code leafHash}, after {@code previous}. */
  public static byte[] link(byte[] previous, byte[] leafHash) {
    MessageDigest digest = newDigest();
    digest.update(CHAIN_PREFIX);
    digest.update(previous);
    digest.update(leafHash);
    return digest.digest();
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
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
