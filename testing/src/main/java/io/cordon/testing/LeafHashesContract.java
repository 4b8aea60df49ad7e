package io.cordon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.audit.tree.InMemorySubtreeHashes;
import io.cordon.audit.tree.LeafHashes;
import io.cordon.audit.tree.MerkleHashes;
import io.cordon.audit.tree.MerkleTree;
import io.cordon.audit.tree.MerkleTreeAppender;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link LeafHashes} adapter meets: it holds exactly the leaf hashes written, by
 * zero-based index, and hands out copies, so that a tree read through it has the root of those
 * leaves. Extend it and implement {@link #withLeaves(List)}.
 */
public abstract class LeafHashesContract {
  /** An adapter holding {@code leafHashes} as leaves 0, 1, …, written however it writes them. */
  protected abstract LeafHashes withLeaves(List<byte[]> leafHashes);

  @Test
  void size_empty_isZero() {
    assertThat(withLeaves(List.of()).size()).isZero();
  }

  @Test
  void leafHash_returnsEachLeafByIndex() {
    List<byte[]> written = hashes(100);
    LeafHashes leaves = withLeaves(written);

    assertThat(leaves.size()).isEqualTo(100);
    for (int i = 0; i < 100; i++) {
      assertThat(leaves.leafHash(i)).isEqualTo(written.get(i));
    }
  }

  @Test
  void leafHash_returnsACopy() {
    LeafHashes leaves = withLeaves(hashes(2));
    leaves.leafHash(1)[0] ^= 1;

    assertThat(leaves.leafHash(1)).isEqualTo(hashes(2).get(1));
  }

  @Test
  void treeOverTheLeaves_hasTheRootOfThoseLeaves() {
    List<byte[]> written = hashes(77);
    InMemorySubtreeHashes subtrees = new InMemorySubtreeHashes(2);
    MerkleTreeAppender appender = new MerkleTreeAppender(subtrees);
    written.forEach(appender::append);

    assertThat(new MerkleTree(withLeaves(written), subtrees).rootHash(77))
        .isEqualTo(appender.rootHash());
  }

  private static List<byte[]> hashes(int count) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(MerkleHashes.leafHash(ByteBuffer.allocate(4).putInt(i).array()));
    }
    return out;
  }
}
