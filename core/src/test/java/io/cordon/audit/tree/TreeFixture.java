package io.cordon.audit.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A tree over random leaves, built through the appender as the log will build it. */
final class TreeFixture {
  final List<byte[]> leafHashes = new ArrayList<>();
  final InMemoryLeafHashes leaves = new InMemoryLeafHashes();
  final InMemorySubtreeHashes subtrees;
  final MerkleTreeAppender appender;
  final MerkleTree tree;

  private TreeFixture(int stride) {
    subtrees = new InMemorySubtreeHashes(stride);
    appender = new MerkleTreeAppender(subtrees);
    tree = new MerkleTree(leaves, subtrees);
  }

  static TreeFixture empty(int stride) {
    return new TreeFixture(stride);
  }

  /** {@code size} leaves of random data (random lengths, empty included) from {@code seed}. */
  static TreeFixture random(int size, int stride, long seed) {
    TreeFixture fixture = new TreeFixture(stride);
    Random random = new Random(seed);
    for (int i = 0; i < size; i++) {
      byte[] data = new byte[random.nextInt(64)];
      random.nextBytes(data);
      fixture.append(MerkleHashes.leafHash(data));
    }
    return fixture;
  }

  void append(byte[] leafHash) {
    appender.append(leafHash);
    leaves.append(leafHash);
    leafHashes.add(leafHash);
  }

  List<byte[]> prefix(int size) {
    return leafHashes.subList(0, size);
  }
}
