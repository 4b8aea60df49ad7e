package io.cordon.audit.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
  private final TreeFixture f = TreeFixture.random(20, 2, 5);

  @Test
  void rootHash_emptyTree_isHashOfNothing() {
    assertThat(f.tree.rootHash(0)).isEqualTo(MerkleHashes.emptyRoot());
  }

  @Test
  void proofs_outsideTheTree_areInvalidInput() {
    assertThatThrownBy(() -> f.tree.rootHash(21)).isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> f.tree.rootHash(-1)).isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> f.tree.inclusionProof(20, 20))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> f.tree.inclusionProof(0, 21))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> f.tree.inclusionProof(-1, 20))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> f.tree.consistencyProof(0, 20))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> f.tree.consistencyProof(11, 10))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> f.tree.consistencyProof(1, 21))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void subtreeHash_incompleteSubtree_isInvalidInput() {
    assertThat(f.tree.subtreeHash(4, 0)).isEqualTo(NaiveMerkle.mth(f.prefix(16)));
    assertThat(f.tree.subtreeHash(2, 4)).isEqualTo(NaiveMerkle.mth(f.leafHashes.subList(16, 20)));
    assertThatThrownBy(() -> f.tree.subtreeHash(4, 1))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> f.tree.subtreeHash(5, 0))
        .isInstanceOf(CordonException.InvalidInput.class);
    assertThatThrownBy(() -> f.tree.subtreeHash(63, 0))
        .isInstanceOf(CordonException.InvalidInput.class);
  }

  @Test
  void proofs_storeBehindLeaves_failAsIntegrityViolation() {
    // Leaves without their stored subtrees: answering would mean a wrong proof, so nothing is.
    MerkleTree tree = new MerkleTree(f.leaves, new InMemorySubtreeHashes(1));
    assertThatThrownBy(() -> tree.rootHash(20))
        .isInstanceOf(CordonException.IntegrityViolation.class);
    assertThatThrownBy(() -> tree.inclusionProof(3, 20))
        .isInstanceOf(CordonException.IntegrityViolation.class);
  }

  @Test
  void proofRecords_copyTheirHashes() {
    InclusionProof proof = f.tree.inclusionProof(5, 20);
    List<byte[]> hashes = proof.hashes();
    hashes.get(0)[0] ^= 1;

    assertThat(proof).isEqualTo(f.tree.inclusionProof(5, 20));
    assertThat(proof.hashCode()).isEqualTo(f.tree.inclusionProof(5, 20).hashCode());
    assertThat(proof).isNotEqualTo(new InclusionProof(5, 20, hashes));
    assertThat(f.tree.consistencyProof(3, 20)).isEqualTo(f.tree.consistencyProof(3, 20));
  }

  @Test
  void proofRecords_malformed_areRefused() {
    List<byte[]> shortHash = new ArrayList<>();
    shortHash.add(new byte[3]);
    assertThatThrownBy(() -> new InclusionProof(0, 2, shortHash))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InclusionProof(2, 2, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConsistencyProof(0, 2, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConsistencyProof(3, 2, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verify_nullOrHostileInputs_areRejectedNotThrown() {
    byte[] root = f.tree.rootHash(20);
    byte[] leaf = f.leafHashes.get(5);
    List<byte[]> path = f.tree.inclusionProof(5, 20).hashes();
    List<byte[]> withNull = new ArrayList<>(path);
    withNull.set(1, null);

    assertThat(ProofVerifier.verifyInclusion(5, 20, null, path, root).isVerified()).isFalse();
    assertThat(ProofVerifier.verifyInclusion(5, 20, leaf, null, root).isVerified()).isFalse();
    assertThat(ProofVerifier.verifyInclusion(5, 20, leaf, withNull, root).isVerified()).isFalse();
    assertThat(ProofVerifier.verifyInclusion(5, 20, leaf, path, null).isVerified()).isFalse();
    assertThat(ProofVerifier.verifyInclusion(5, Long.MIN_VALUE, leaf, path, root).isVerified())
        .isFalse();
    assertThat(ProofVerifier.verifyConsistency(3, 20, null, root, root).isVerified()).isFalse();
    assertThat(ProofVerifier.verifyConsistency(-3, 20, List.of(), root, root).isVerified())
        .isFalse();
    assertThat(
            ProofVerifier.verifyConsistency(
                    3, 20, f.tree.consistencyProof(3, 20).hashes(), null, root)
                .isVerified())
        .isFalse();
  }
}
