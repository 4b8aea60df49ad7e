package io.cordon.context;

import java.util.Optional;

/**
 * A binary trie over 128-bit addresses answering "the value of the most specific block that holds
 * this address" in at most 128 steps, whatever the number of blocks. Built once at start, then
 * read-only: safe to share between threads once built (the builder is not thread-safe).
 */
final class PrefixTable<V> {
  private final Node<V> root = new Node<>();

  private static final class Node<V> {
    Node<V> zero;
    Node<V> one;
    V value;
  }

  /**
   * Adds a block.
   *
   * @return the value the same block already had, if any
   */
  Optional<V> put(Cidr block, V value) {
    byte[] network = block.network();
    Node<V> node = root;
    for (int i = 0; i < block.prefix(); i++) {
      if (Cidr.bit(network, i)) {
        node = node.one == null ? (node.one = new Node<>()) : node.one;
      } else {
        node = node.zero == null ? (node.zero = new Node<>()) : node.zero;
      }
    }
    V previous = node.value;
    node.value = value;
    return Optional.ofNullable(previous);
  }

  /** The value of the longest block containing {@code address} (16 bytes). */
  Optional<V> longestMatch(byte[] address) {
    Node<V> node = root;
    V best = root.value;
    for (int i = 0; i < 128 && node != null; i++) {
      node = Cidr.bit(address, i) ? node.one : node.zero;
      if (node != null && node.value != null) {
        best = node.value;
      }
    }
    return Optional.ofNullable(best);
  }
}
