package io.cordon.audit.tree;

/**
 * Port: the leaf hashes of an append-only log, by zero-based index (the event with sequence number
 * {@code n} is leaf {@code n - 1}). Leaves never change once written.
 *
 * <p>Implementations must be safe for concurrent readers.
 */
public interface LeafHashes {
  /** How many leaves there are. */
  long size();

  /**
   * The {@link MerkleHashes#leafHash leaf hash} at {@code index}, where {@code 0 <= index <
   * size()}; {@value MerkleHashes#HASH_BYTES} bytes.
   */
  byte[] leafHash(long index);
}
