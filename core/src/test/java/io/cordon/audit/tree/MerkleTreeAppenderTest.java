package io.cordon.audit.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleTreeAppenderTest {
  private static final int SIZE = 70;
  private final TreeFixture reference = TreeFixture.random(SIZE, 1, 7);

  @Test
  void append_returnsConsecutiveIndicesAndTracksRoot() {
    MerkleTreeAppender appender = new MerkleTreeAppender(new InMemorySubtreeHashes());
    assertThat(appender.rootHash()).isEqualTo(MerkleHashes.emptyRoot());
    for (int i = 0; i < SIZE; i++) {
      assertThat(appender.append(reference.leafHashes.get(i))).isEqualTo(i);
      assertThat(appender.size()).isEqualTo(i + 1);
      assertThat(appender.rootHash()).isEqualTo(NaiveMerkle.mth(reference.prefix(i + 1)));
    }
  }

  @Test
  void resume_atEverySize_continuesToTheSameRoot() {
    byte[] expected = NaiveMerkle.mth(reference.prefix(SIZE));
    for (int stop = 0; stop <= SIZE; stop++) {
      TreeFixture partial = TreeFixture.empty(3);
      reference.prefix(stop).forEach(partial::append);
      MerkleTreeAppender resumed = MerkleTreeAppender.resume(partial.leaves, partial.subtrees);
      assertThat(resumed.size()).isEqualTo(stop);
      assertThat(resumed.rootHash()).isEqualTo(NaiveMerkle.mth(reference.prefix(stop)));
      for (int i = stop; i < SIZE; i++) {
        resumed.append(reference.leafHashes.get(i));
        partial.leaves.append(reference.leafHashes.get(i));
      }
      assertThat(resumed.rootHash()).as("resumed at %d", stop).isEqualTo(expected);
      assertThat(partial.tree.rootHash(SIZE)).isEqualTo(expected);
    }
  }

  @Test
  void append_storeWriteFails_leavesAppenderUnchangedAndRetrySucceeds() {
    FailingSubtreeHashes store = new FailingSubtreeHashes(new InMemorySubtreeHashes(1));
    MerkleTreeAppender appender = new MerkleTreeAppender(store);
    InMemoryLeafHashes leaves = new InMemoryLeafHashes();
    Random random = new Random(3);
    for (int i = 0; i < SIZE; i++) {
      byte[] leaf = reference.leafHashes.get(i);
      if (random.nextInt(4) == 0) {
        // Fail a later write of this append: earlier levels are stored, the frontier is not moved.
        store.failAfter(random.nextInt(3));
        byte[] rootBefore = appender.rootHash();
        try {
          appender.append(leaf);
        } catch (IllegalStateException expected) {
          assertThat(appender.size()).isEqualTo(i);
          assertThat(appender.rootHash()).isEqualTo(rootBefore);
        }
        store.failAfter(-1);
        if (appender.size() == i + 1) {
          leaves.append(leaf);
          continue;
        }
      }
      appender.append(leaf);
      leaves.append(leaf);
    }
    assertThat(appender.rootHash()).isEqualTo(NaiveMerkle.mth(reference.prefix(SIZE)));
    assertThat(new MerkleTree(leaves, store).rootHash(SIZE)).isEqualTo(appender.rootHash());
  }

  @Test
  void append_notAHash_isRefused() {
    MerkleTreeAppender appender = new MerkleTreeAppender(new InMemorySubtreeHashes());
    assertThatThrownBy(() -> appender.append(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> appender.append(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(appender.size()).isZero();
  }

  @Test
  void subtreeStore_defaultStride_keepsAboutOneHashInFifteen() {
    TreeFixture f = TreeFixture.random(1 << 16, InMemorySubtreeHashes.DEFAULT_STRIDE, 11);
    // Levels 4, 8, 12 and 16 of a tree of 2^16 leaves.
    assertThat(f.subtrees.storedCount()).isEqualTo(4096 + 256 + 16 + 1);
  }

  @Test
  void largeTree_sampledProofs_verify() {
    // A correctness check at a size where every kept level is in use; no timing here (see the
    // benchmarks for that).
    int size = (1 << 17) + 12_345;
    TreeFixture f = TreeFixture.random(size, InMemorySubtreeHashes.DEFAULT_STRIDE, 13);
    byte[] root = f.appender.rootHash();
    assertThat(root).isEqualTo(NaiveMerkle.mth(f.leafHashes));
    assertThat(f.tree.rootHash(size)).isEqualTo(root);
    Random random = new Random(17);
    for (int n = 0; n < 200; n++) {
      int leaf = random.nextInt(size);
      int earlier = 1 + random.nextInt(size);
      assertThat(
              ProofVerifier.verifyInclusion(
                  f.tree.inclusionProof(leaf, size), f.leafHashes.get(leaf), root))
          .isEqualTo(ProofResult.VERIFIED);
      assertThat(
              ProofVerifier.verifyConsistency(
                  f.tree.consistencyProof(earlier, size), f.tree.rootHash(earlier), root))
          .isEqualTo(ProofResult.VERIFIED);
    }
  }

  /** A store whose writes can be made to fail, as a database write can. */
  private static final class FailingSubtreeHashes implements SubtreeHashes {
    private final SubtreeHashes delegate;
    private int failAfter = -1;

    FailingSubtreeHashes(SubtreeHashes delegate) {
      this.delegate = delegate;
    }

    void failAfter(int successfulWrites) {
      failAfter = successfulWrites;
    }

    @Override
    public boolean keepsLevel(int level) {
      return delegate.keepsLevel(level);
    }

    @Override
    public byte[] get(int level, long index) {
      return delegate.get(level, index);
    }

    @Override
    public void put(int level, long index, byte[] hash) {
      if (failAfter == 0) {
        throw new IllegalStateException("write failed");
      }
      if (failAfter > 0) {
        failAfter--;
      }
      delegate.put(level, index, hash);
    }
  }
}
