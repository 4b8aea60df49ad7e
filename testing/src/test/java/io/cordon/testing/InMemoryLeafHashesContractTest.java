package io.cordon.testing;

import io.cordon.audit.tree.InMemoryLeafHashes;
import io.cordon.audit.tree.LeafHashes;
import java.util.List;

class InMemoryLeafHashesContractTest extends LeafHashesContract {
  @Override
  protected LeafHashes withLeaves(List<byte[]> leafHashes) {
    InMemoryLeafHashes leaves = new InMemoryLeafHashes();
    leafHashes.forEach(leaves::append);
    return leaves;
  }
}
