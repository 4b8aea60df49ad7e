package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.audit.tree.InMemoryLeafHashes;
import io.cordon.audit.tree.MerkleHashes;
import io.cordon.audit.tree.MerkleTree;
import io.cordon.audit.tree.MerkleTreeAppender;
import io.cordon.audit.tree.ProofResult;
import io.cordon.audit.tree.ProofVerifier;
import io.cordon.audit.tree.SubtreeHashes;
import io.cordon.context.CordonException;
import java.nio.ByteBuffer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SubtreeHashes} adapter meets: a stored complete-subtree hash reads back
 * unchanged, storing it again is harmless and storing a different one is an integrity violation
 * (its leaves would have changed), and an RFC 9162 tree appended through the store gives proofs
 * that verify, also after the appender resumes from the store. Extend it and implement {@link
 * #newStore()}.
 */
public abstract class SubtreeHashesContract {
  private static final int LEAVES = 300;

  protected SubtreeHashes store;
  private int keptLevel;

  /** A new, empty store that keeps at least one level from 1 to 8. */
  protected abstract SubtreeHashes newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
    keptLevel = IntStream.rangeClosed(1, 8).filter(store::keepsLevel).findFirst().orElseThrow();
  }

  @Test
  void keepsLevel_neverTheLeaves() {
    assertThat(store.keepsLevel(0)).isFalse();
  }

  @Test
  void get_stored_returnsTheHash_absent_returnsNull() {
    store.put(keptLevel, 0, hash(0));
    store.put(keptLevel, 1, hash(1));

    assertThat(store.get(keptLevel, 0)).isEqualTo(hash(0));
    assertThat(store.get(keptLevel, 1)).isEqualTo(hash(1));
    assertThat(store.get(keptLevel, 2)).isNull();
  }

  @Test
  void put_sameHashAgain_isHarmless() {
    store.put(keptLevel, 0, hash(0));
    store.put(keptLevel, 0, hash(0));

    assertThat(store.get(keptLevel, 0)).isEqualTo(hash(0));
  }

  @Test
  void put_differentHashForAStoredSubtree_isAnIntegrityViolation() {
    store.put(keptLevel, 0, hash(0));

    assertThatThrownBy(() -> store.put(keptLevel, 0, hash(1)))
        .isInstanceOf(CordonException.IntegrityViolation.class);
    assertThat(store.get(keptLevel, 0)).isEqualTo(hash(0));
  }

  @Test
  void treeOverTheStore_givesProofsThatVerify() {
    InMemoryLeafHashes leaves = new InMemoryLeafHashes();
    MerkleTreeAppender appender = new MerkleTreeAppender(store);
    for (int i = 0; i < LEAVES; i++) {
      appender.append(hash(i));
      leaves.append(hash(i));
    }
    MerkleTree tree = new MerkleTree(leaves, store);
    byte[] root = appender.rootHash();

    assertThat(tree.rootHash(LEAVES)).isEqualTo(root);
    for (int i = 0; i < LEAVES; i += 7) {
      assertThat(ProofVerifier.verifyInclusion(tree.inclusionProof(i, LEAVES), hash(i), root))
          .isEqualTo(ProofResult.VERIFIED);
      assertThat(
              ProofVerifier.verifyConsistency(
                  tree.consistencyProof(i + 1, LEAVES), tree.rootHash(i + 1), root))
          .isEqualTo(ProofResult.VERIFIED);
    }
    assertThat(MerkleTreeAppender.resume(leaves, store).rootHash()).isEqualTo(root);
  }

  private static byte[] hash(int i) {
    return MerkleHashes.leafHash(ByteBuffer.allocate(4).putInt(i).array());
  }
}
