package io.cordon.audit.tree;

import java.util.Arrays;

/**
 * A growable array of {@value MerkleHashes#HASH_BYTES}-byte hashes packed into one byte array: one
 * object per level instead of one per hash, which keeps millions of hashes cheap for the garbage
 * collector. Not thread-safe; owners lock.
 */
final class PackedHashes {
  /** The most hashes one array can hold (a Java array has at most 2^31 - 1 bytes). */
  static final int MAX_COUNT = (Integer.MAX_VALUE - 8) / MerkleHashes.HASH_BYTES;

  private static final int INITIAL_COUNT = 16;

  private byte[] bytes = new byte[INITIAL_COUNT * MerkleHashes.HASH_BYTES];
  private int count;

  int count() {
    return count;
  }

  byte[] get(int index) {
    int from = index * MerkleHashes.HASH_BYTES;
    return Arrays.copyOfRange(bytes, from, from + MerkleHashes.HASH_BYTES);
  }

  boolean holds(int index, byte[] hash) {
    int from = index * MerkleHashes.HASH_BYTES;
    return Arrays.equals(bytes, from, from + MerkleHashes.HASH_BYTES, hash, 0, hash.length);
  }

  void add(byte[] hash) {
    if (count == MAX_COUNT) {
      throw new IllegalStateException("an in-memory level holds at most " + MAX_COUNT + " hashes");
    }
    if ((count + 1) * MerkleHashes.HASH_BYTES > bytes.length) {
      long doubled = Math.min((long) bytes.length * 2, (long) MAX_COUNT * MerkleHashes.HASH_BYTES);
      bytes = Arrays.copyOf(bytes, (int) doubled);
    }
    System.arraycopy(hash, 0, bytes, count * MerkleHashes.HASH_BYTES, MerkleHashes.HASH_BYTES);
    count++;
  }
}
