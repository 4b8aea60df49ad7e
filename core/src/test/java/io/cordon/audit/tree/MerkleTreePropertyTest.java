package io.cordon.audit.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over many tree sizes up to 300 (every size to 40, the edges around powers of two, and
 * sizes drawn from a fixed seed), checked against {@link NaiveMerkle}, the RFC's recursive
 * definitions: every inclusion proof of every leaf and every consistency proof from every smaller
 * size is exactly the RFC's and verifies; any flipped byte, wrong index or wrong size is rejected.
 * Each size uses a different subtree stride, so stored and recomputed subtrees are both exercised.
 */
class MerkleTreePropertyTest {
  private static final long SEED = 20_261_122L;
  private static final int MAX_SIZE = 301;
  private static final List<TreeFixture> BY_STRIDE =
      IntStream.rangeClosed(1, 4).mapToObj(s -> TreeFixture.random(MAX_SIZE, s, SEED)).toList();

  static IntStream sizes() {
    IntStream small = IntStream.rangeClosed(1, 40);
    IntStream edges = IntStream.of(63, 64, 65, 127, 128, 129, 255, 256, 257, 300);
    IntStream drawn = new Random(SEED).ints(12, 41, 300);
    return IntStream.concat(IntStream.concat(small, edges), drawn).distinct().sorted();
  }

  @ParameterizedTest(name = "{0} leaves")
  @MethodSource("sizes")
  void rootHash_equalsRfcMthAndAppenderRoot(int size) {
    TreeFixture f = fixture(size);
    byte[] expected = NaiveMerkle.mth(f.prefix(size));

    assertThat(f.tree.rootHash(size)).isEqualTo(expected);
    assertThat(MerkleTreeAppender.resume(truncated(f, size), f.subtrees).rootHash())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} leaves")
  @MethodSource("sizes")
  void inclusionProof_everyLeaf_isTheRfcPathAndVerifies(int size) {
    TreeFixture f = fixture(size);
    byte[] root = f.tree.rootHash(size);
    for (int i = 0; i < size; i++) {
      InclusionProof proof = f.tree.inclusionProof(i, size);

      assertThat(hex(proof.hashes())).isEqualTo(hex(NaiveMerkle.path(i, f.prefix(size))));
      assertThat(ProofVerifier.verifyInclusion(proof, f.leafHashes.get(i), root))
          .as("leaf %d of %d", i, size)
          .isEqualTo(ProofResult.VERIFIED);
    }
  }

  @ParameterizedTest(name = "{0} leaves")
  @MethodSource("sizes")
  void consistencyProof_everySmallerSize_isTheRfcProofAndVerifies(int size) {
    TreeFixture f = fixture(size);
    byte[] root = f.tree.rootHash(size);
    for (int m = 1; m <= size; m++) {
      ConsistencyProof proof = f.tree.consistencyProof(m, size);

      assertThat(hex(proof.hashes())).isEqualTo(hex(NaiveMerkle.proof(m, f.prefix(size))));
      assertThat(ProofVerifier.verifyConsistency(proof, f.tree.rootHash(m), root))
          .as("%d to %d", m, size)
          .isEqualTo(ProofResult.VERIFIED);
    }
  }

  @ParameterizedTest(name = "{0} leaves")
  @MethodSource("sizes")
  void inclusionProof_tampered_isRejected(int size) {
    TreeFixture f = fixture(size);
    byte[] root = f.tree.rootHash(size);
    Random random = new Random(SEED + size);
    for (int i : sample(size, random)) {
      byte[] leaf = f.leafHashes.get(i);
      List<byte[]> path = f.tree.inclusionProof(i, size).hashes();
      for (List<byte[]> bad : tamperedCopies(path, random)) {
        assertRejected(ProofVerifier.verifyInclusion(i, size, leaf, bad, root), "leaf " + i);
      }
      assertRejected(
          ProofVerifier.verifyInclusion(i, size, flipped(leaf, random), path, root), "leaf hash");
      assertRejected(
          ProofVerifier.verifyInclusion(i, size, leaf, path, flipped(root, random)), "root");
      for (long wrong : List.of(i + 1L, i - 1L, i ^ 1L, i ^ 2L, i + (long) size, -1L)) {
        if (wrong != i) {
          assertRejected(
              ProofVerifier.verifyInclusion(wrong, size, leaf, path, root), "index " + wrong);
        }
      }
      for (int wrongSize : List.of(size - 1, size + 1, size * 2, size / 2)) {
        if (wrongSize != size && wrongSize >= 1 && wrongSize < MAX_SIZE) {
          byte[] wrongRoot = f.tree.rootHash(wrongSize);
          assertRejected(
              ProofVerifier.verifyInclusion(i, wrongSize, leaf, path, wrongRoot),
              "size " + wrongSize);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} leaves")
  @MethodSource("sizes")
  void consistencyProof_tampered_isRejected(int size) {
    TreeFixture f = fixture(size);
    byte[] root = f.tree.rootHash(size);
    Random random = new Random(SEED - size);
    for (int index : sample(size, random)) {
      int m = index + 1;
      byte[] earlier = f.tree.rootHash(m);
      List<byte[]> proof = f.tree.consistencyProof(m, size).hashes();
      for (List<byte[]> bad : tamperedCopies(proof, random)) {
        assertRejected(
            ProofVerifier.verifyConsistency(m, size, bad, earlier, root), m + " to " + size);
      }
      assertRejected(
          ProofVerifier.verifyConsistency(m, size, proof, flipped(earlier, random), root),
          "earlier root");
      assertRejected(
          ProofVerifier.verifyConsistency(m, size, proof, earlier, flipped(root, random)),
          "later root");
      for (int wrong : List.of(m - 1, m + 1, m * 2, m / 2)) {
        if (wrong != m && wrong >= 0 && wrong <= size) {
          byte[] wrongRoot = wrong == 0 ? MerkleHashes.emptyRoot() : f.tree.rootHash(wrong);
          assertRejected(
              ProofVerifier.verifyConsistency(wrong, size, proof, wrongRoot, root),
              "from " + wrong);
        }
      }
      for (int wrong : List.of(size - 1, size + 1, size * 2)) {
        if (wrong != size && wrong >= 1 && wrong < MAX_SIZE) {
          byte[] wrongRoot = f.tree.rootHash(wrong);
          assertRejected(
              ProofVerifier.verifyConsistency(m, wrong, proof, earlier, wrongRoot), "to " + wrong);
        }
      }
    }
  }

  /**
   * Each copy differs from {@code proof} in one way: a bit in one byte, or a hash too many or few.
   */
  private static List<List<byte[]>> tamperedCopies(List<byte[]> proof, Random random) {
    List<List<byte[]>> copies = new ArrayList<>();
    for (int h = 0; h < proof.size(); h++) {
      for (int b = 0; b < MerkleHashes.HASH_BYTES; b++) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] hash = proof.get(h).clone();
        hash[b] ^= (byte) (1 << random.nextInt(8));
        copy.set(h, hash);
        copies.add(copy);
      }
      List<byte[]> removed = new ArrayList<>(proof);
      removed.remove(h);
      copies.add(removed);
    }
    for (int at = 0; at <= proof.size(); at++) {
      List<byte[]> inserted = new ArrayList<>(proof);
      inserted.add(
          at, proof.isEmpty() ? MerkleHashes.emptyRoot() : proof.get(random.nextInt(proof.size())));
      copies.add(inserted);
    }
    return copies;
  }

  private static void assertRejected(ProofResult result, String what) {
    assertThat(result).as(what).isInstanceOf(ProofResult.Rejected.class);
  }

  private static int[] sample(int size, Random random) {
    // Every leaf of small trees, sixteen of larger ones (always the first and the last).
    if (size <= 16) {
      return IntStream.range(0, size).toArray();
    }
    return IntStream.concat(IntStream.of(0, size - 1), random.ints(14, 0, size)).toArray();
  }

  private static byte[] flipped(byte[] hash, Random random) {
    byte[] copy = hash.clone();
    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
    return copy;
  }

  private static TreeFixture fixture(int size) {
    return BY_STRIDE.get(size % BY_STRIDE.size());
  }

  private static LeafHashes truncated(TreeFixture f, int size) {
    return new LeafHashes() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public byte[] leafHash(long index) {
        return f.leaves.leafHash(index);
      }
    };
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(HexFormat.of()::formatHex).toList();
  }
}
