package io.cordon.audit;

import io.cordon.audit.tree.ConsistencyProof;
import io.cordon.audit.tree.InMemorySubtreeHashes;
import io.cordon.audit.tree.InclusionProof;
import io.cordon.audit.tree.LeafHashes;
import io.cordon.audit.tree.MerkleTree;
import io.cordon.audit.tree.MerkleTreeAppender;
import io.cordon.context.CordonException;
import io.cordon.storage.MetadataStore;
import io.cordon.storage.Transaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 9162 Merkle tree over the audit trail, kept by this node beside the database: the leaf
 * hashes stay in the database (read in small aligned blocks, with a bounded cache), the hashes of
 * complete subtrees at every fourth level live in memory (about 21 MB for ten million events). The
 * tree is derived data: it follows committed events by {@link #catchUp()}, so every node of a
 * cluster computes the same tree from the same trail.
 *
 * <p>Thread-safe.
 */
public final class AuditTree {
  private static final int CATCH_UP_PAGE = 10_000;
  private static final int BLOCK = 16;
  private static final int CACHED_BLOCKS = 4096;

  private final MetadataStore store;
  private final StoredLeaves leaves = new StoredLeaves();
  private final InMemorySubtreeHashes subtrees = new InMemorySubtreeHashes();
  private final MerkleTreeAppender appender = new MerkleTreeAppender(subtrees);
  private final MerkleTree tree = new MerkleTree(leaves, subtrees);

  public AuditTree(MetadataStore store) {
    this.store = store;
  }

  /** Adds the events committed since the last call; returns the tree size now. */
  public synchronized long catchUp() {
    while (true) {
      long next = appender.size() + 1;
      List<byte[]> page =
          store.read((Transaction tx) -> tx.audit().leafHashes(next, CATCH_UP_PAGE));
      for (byte[] leafHash : page) {
        if (leafHash == null) {
          throw new CordonException.IntegrityViolation(
              "audit event " + (appender.size() + 1) + " has lost its leaf hash", null);
        }
        appender.append(leafHash);
      }
      leaves.size = appender.size();
      if (page.size() < CATCH_UP_PAGE) {
        return appender.size();
      }
    }
  }

  /** The size the tree has caught up to. */
  public synchronized long size() {
    return appender.size();
  }

  /** The root hash of the first {@code treeSize} events. */
  public synchronized byte[] rootHash(long treeSize) {
    requireWithin(treeSize);
    return tree.rootHash(treeSize);
  }

  /** The proof that event {@code seq} is in the tree of {@code treeSize} events. */
  public synchronized InclusionProof inclusionProof(long seq, long treeSize) {
    requireWithin(treeSize);
    if (seq < 1 || seq > treeSize) {
      throw new CordonException.InvalidInput(
          "seq must be between 1 and treeSize (" + treeSize + ")");
    }
    return tree.inclusionProof(seq - 1, treeSize);
  }

  /** The proof that the tree of {@code to} events extends the tree of {@code from} events. */
  public synchronized ConsistencyProof consistencyProof(long from, long to) {
    requireWithin(to);
    if (from < 1 || from > to) {
      throw new CordonException.InvalidInput("need 1 <= from <= to");
    }
    return tree.consistencyProof(from, to);
  }

  private void requireWithin(long treeSize) {
    if (treeSize < 1 || treeSize > appender.size()) {
      throw new CordonException.InvalidInput(
          "treeSize must be between 1 and " + appender.size() + ", the size of the newest tree");
    }
  }

  /** Leaf hashes read from the database in aligned blocks, the most recent blocks cached. */
  private final class StoredLeaves implements LeafHashes {
    private volatile long size;
    private final Map<Long, List<byte[]>> blocks =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, List<byte[]>> eldest) {
            return size() > CACHED_BLOCKS;
          }
        };

    @Override
    public long size() {
      return size;
    }

    @Override
    public byte[] leafHash(long index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("no leaf " + index);
      }
      long block = index / BLOCK;
      List<byte[]> hashes;
      synchronized (blocks) {
        hashes = blocks.get(block);
      }
      if (hashes == null || hashes.size() <= index % BLOCK) {
        hashes = store.read((Transaction tx) -> tx.audit().leafHashes(block * BLOCK + 1, BLOCK));
        synchronized (blocks) {
          blocks.put(block, hashes);
        }
      }
      return hashes.get((int) (index % BLOCK)).clone();
    }
  }
}
