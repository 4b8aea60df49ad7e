package io.cordon.audit.tree;

import io.cordon.context.CordonException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link SubtreeHashes} in memory, keeping every {@code stride}-th level (levels {@code stride},
 * {@code 2·stride}, …). With the default stride of 4 a tree of 10 million leaves keeps about
 * 670,000 hashes (21 MB), and no subtree is more than 8 lookups away from a kept level or the
 * leaves. Each level holds at most {@value PackedHashes#MAX_COUNT} hashes.
 *
 * <p>Thread-safe: one writer and any number of readers.
 */
public final class InMemorySubtreeHashes implements SubtreeHashes {
  /** Every fourth level: a balance between space and lookups per proof. */
  public static final int DEFAULT_STRIDE = 4;

  private static final int MAX_LEVEL = 63;

  private final int stride;
  private final PackedHashes[] levels = new PackedHashes[MAX_LEVEL + 1];
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** A store keeping every {@value #DEFAULT_STRIDE}th level. */
  public InMemorySubtreeHashes() {
    this(DEFAULT_STRIDE);
  }

  /** A store keeping every {@code stride}-th level; 1 keeps every level above the leaves. */
  public InMemorySubtreeHashes(int stride) {
    if (stride < 1 || stride > MAX_LEVEL) {
      throw new IllegalArgumentException("stride must be between 1 and " + MAX_LEVEL);
    }
    this.stride = stride;
  }

  @Override
  public boolean keepsLevel(int level) {
    return level >= 1 && level <= MAX_LEVEL && level % stride == 0;
  }

  @Override
  public byte[] get(int level, long index) {
    if (!keepsLevel(level) || index < 0) {
      return null;
    }
    lock.readLock().lock();
    try {
      PackedHashes stored = levels[level];
      return stored == null || index >= stored.count() ? null : stored.get((int) index);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void put(int level, long index, byte[] hash) {
    if (!keepsLevel(level)) {
      throw new IllegalArgumentException("level " + level + " is not kept");
    }
    if (!MerkleHashes.isHash(hash)) {
      throw new IllegalArgumentException(
          "a subtree hash has " + MerkleHashes.HASH_BYTES + " bytes");
    }
    lock.writeLock().lock();
    try {
      PackedHashes stored = levels[level];
      if (stored == null) {
        stored = levels[level] = new PackedHashes();
      }
      store(stored, index, hash);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** How many subtree hashes are stored, over all levels. */
  public long storedCount() {
    lock.readLock().lock();
    try {
      long total = 0;
      for (PackedHashes stored : levels) {
        total += stored == null ? 0 : stored.count();
      }
      return total;
    } finally {
      lock.readLock().unlock();
    }
  }

  private static void store(PackedHashes stored, long index, byte[] hash) {
    if (index < stored.count()) {
      // A complete subtree is fixed by its leaves: a different hash means the leaves changed.
      if (!stored.holds((int) index, hash)) {
        throw new CordonException.IntegrityViolation("a stored subtree hash cannot change", null);
      }
      return;
    }
    if (index != stored.count()) {
      throw new IllegalArgumentException(
          "subtrees are stored in order: expected index " + stored.count() + ", got " + index);
    }
    stored.add(hash);
  }
}
