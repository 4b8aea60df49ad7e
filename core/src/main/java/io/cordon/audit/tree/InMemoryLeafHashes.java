package io.cordon.audit.tree;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link LeafHashes} in memory, for tests and tools that rebuild a tree from exported events. Holds
 * at most {@value PackedHashes#MAX_COUNT} leaves.
 *
 * <p>Thread-safe: one writer and any number of readers.
 */
public final class InMemoryLeafHashes implements LeafHashes {
  private final PackedHashes hashes = new PackedHashes();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /**
   * Appends a leaf hash.
   *
   * @return the index of the new leaf
   */
  public long append(byte[] leafHash) {
    if (!MerkleHashes.isHash(leafHash)) {
      throw new IllegalArgumentException("a leaf hash has " + MerkleHashes.HASH_BYTES + " bytes");
    }
    lock.writeLock().lock();
    try {
      hashes.add(leafHash);
      return hashes.count() - 1L;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public long size() {
    lock.readLock().lock();
    try {
      return hashes.count();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public byte[] leafHash(long index) {
    lock.readLock().lock();
    try {
      if (index < 0 || index >= hashes.count()) {
        throw new IllegalArgumentException("no leaf " + index + " in " + hashes.count());
      }
      return hashes.get((int) index);
    } finally {
      lock.readLock().unlock();
    }
  }
}
