package io.cordon.testing;

import io.cordon.audit.tree.InMemorySubtreeHashes;
import io.cordon.audit.tree.SubtreeHashes;

class InMemorySubtreeHashesContractTest extends SubtreeHashesContract {
  @Override
  protected SubtreeHashes newStore() {
    return new InMemorySubtreeHashes(3);
  }
}
