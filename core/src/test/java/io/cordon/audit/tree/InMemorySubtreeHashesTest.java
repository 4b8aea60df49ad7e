package io.cordon.audit.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import org.junit.jupiter.api.Test;

class InMemorySubtreeHashesTest {
  private final InMemorySubtreeHashes store = new InMemorySubtreeHashes(4);
  private final byte[] a = MerkleHashes.leafHash(new byte[] {1});
  private final byte[] b = MerkleHashes.leafHash(new byte[] {2});

  @Test
  void keepsLevel_everyStrideth_neverTheLeaves() {
    assertThat(store.keepsLevel(0)).isFalse();
    assertThat(store.keepsLevel(3)).isFalse();
    assertThat(store.keepsLevel(4)).isTrue();
    assertThat(store.keepsLevel(8)).isTrue();
    assertThat(store.keepsLevel(64)).isFalse();
    assertThat(new InMemorySubtreeHashes(1).keepsLevel(1)).isTrue();
  }

  @Test
  void put_thenGet_returnsACopy() {
    store.put(4, 0, a);
    byte[] got = store.get(4, 0);
    got[0] ^= 1;

    assertThat(store.get(4, 0)).isEqualTo(a);
    assertThat(store.get(4, 1)).isNull();
    assertThat(store.get(8, 0)).isNull();
    assertThat(store.get(3, 0)).isNull();
    assertThat(store.storedCount()).isEqualTo(1);
  }

  @Test
  void put_sameHashAgain_isAllowed_aDifferentOne_isAnIntegrityViolation() {
    store.put(4, 0, a);
    store.put(4, 0, a);

    assertThatThrownBy(() -> store.put(4, 0, b))
        .isInstanceOf(CordonException.IntegrityViolation.class);
    assertThat(store.get(4, 0)).isEqualTo(a);
  }

  @Test
  void put_outOfOrderOrUnkeptOrMalformed_isRefused() {
    assertThatThrownBy(() -> store.put(4, 1, a)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.put(2, 0, a)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.put(4, 0, new byte[5]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InMemorySubtreeHashes(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void put_manyHashes_growsAndKeepsThemAll() {
    for (int i = 0; i < 1000; i++) {
      store.put(8, i, MerkleHashes.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
    }
    for (int i = 0; i < 1000; i++) {
      assertThat(store.get(8, i))
          .isEqualTo(MerkleHashes.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
    }
  }
}
