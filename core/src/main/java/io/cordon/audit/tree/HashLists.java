package io.cordon.audit.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/** Deep copies and content equality for the lists of hashes that proofs carry. */
final class HashLists {
  private HashLists() {}

  /** An unmodifiable deep copy, after checking that every element is a tree hash. */
  static List<byte[]> copyOf(List<byte[]> hashes) {
    List<byte[]> copy = new ArrayList<>(hashes.size());
    for (byte[] hash : hashes) {
      if (!MerkleHashes.isHash(hash)) {
        throw new IllegalArgumentException(
            "a proof holds " + MerkleHashes.HASH_BYTES + "-byte hashes");
      }
      copy.add(hash.clone());
    }
    return List.copyOf(copy);
  }

  static boolean equal(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  static int hashCode(List<byte[]> hashes) {
    int result = 1;
    for (byte[] hash : hashes) {
      result = 31 * result + Arrays.hashCode(hash);
    }
    return result;
  }

  static String toHex(List<byte[]> hashes) {
    StringJoiner joined = new StringJoiner(", ", "[", "]");
    for (byte[] hash : hashes) {
      joined.add(HexFormat.of().formatHex(hash));
    }
    return joined.toString();
  }
}
