package io.cordon.audit.tree;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.SharedVectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 6962's reference tree of eight leaves ({@code merkle/rfc6962_reference_vectors.json}): the
 * hash functions, every subtree, the roots of sizes 0 to 8, and the exact proofs the RFC algorithms
 * produce, built with several subtree strides so that both stored and recomputed nodes are used.
 */
class ReferenceVectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static JsonNode vectors;

  @BeforeAll
  static void load() throws IOException {
    vectors =
        new ObjectMapper()
            .readTree(SharedVectors.file("merkle/rfc6962_reference_vectors.json").toFile());
  }

  @Test
  void hashFunctions_matchHasherVectors() {
    for (JsonNode v : vectors.get("hasher_vectors")) {
      byte[] got =
          switch (v.get("op").asText()) {
            case "emptyRoot" -> MerkleHashes.emptyRoot();
            case "hashLeaf" -> MerkleHashes.leafHash(hex(v.get("input_hex")));
            case "hashChildren" ->
                MerkleHashes.nodeHash(hex(v.get("left_hex")), hex(v.get("right_hex")));
            default -> throw new AssertionError("unknown op " + v.get("op"));
          };
      assertThat(HEX.formatHex(got)).as(v.get("desc").asText()).isEqualTo(v.get("want").asText());
    }
  }

  @ParameterizedTest(name = "stride {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void subtreesAndRoots_matchReferenceTree(int stride) {
    InMemoryLeafHashes leaves = new InMemoryLeafHashes();
    InMemorySubtreeHashes subtrees = new InMemorySubtreeHashes(stride);
    MerkleTreeAppender appender = new MerkleTreeAppender(subtrees);
    JsonNode roots = vectors.get("root_hashes_by_tree_size");
    assertThat(HEX.formatHex(appender.rootHash())).isEqualTo(roots.get(0).asText());
    int size = 0;
    for (JsonNode input : vectors.get("leaf_inputs_hex")) {
      byte[] leafHash = MerkleHashes.leafHash(hex(input));
      appender.append(leafHash);
      leaves.append(leafHash);
      size++;
      assertThat(HEX.formatHex(appender.rootHash())).isEqualTo(roots.get(size).asText());
    }
    MerkleTree tree = new MerkleTree(leaves, subtrees);
    for (int n = 0; n < roots.size(); n++) {
      assertThat(HEX.formatHex(tree.rootHash(n)))
          .as("root of %d", n)
          .isEqualTo(roots.get(n).asText());
    }
    JsonNode levels = vectors.get("node_hashes_by_level");
    for (int level = 0; level < levels.size(); level++) {
      for (int index = 0; index < levels.get(level).size(); index++) {
        assertThat(HEX.formatHex(tree.subtreeHash(level, index)))
            .as("subtree (%d, %d)", level, index)
            .isEqualTo(levels.get(level).get(index).asText());
      }
    }
  }

  @Test
  void inclusionProofs_matchAndVerify() {
    MerkleTree tree = referenceTree();
    for (String section : List.of("inclusion_proofs", "derived_all_inclusion_proofs")) {
      for (JsonNode v : vectors.get(section)) {
        InclusionProof proof =
            tree.inclusionProof(v.get("leafIndex").asLong(), v.get("treeSize").asLong());

        assertThat(hexes(proof.hashes())).as("%s %s", section, v).isEqualTo(texts(v.get("proof")));
        assertThat(ProofVerifier.verifyInclusion(proof, hex(v.get("leafHash")), hex(v.get("root"))))
            .isEqualTo(ProofResult.VERIFIED);
      }
    }
  }

  @Test
  void consistencyProofs_matchAndVerify() {
    MerkleTree tree = referenceTree();
    for (String section : List.of("consistency_proofs", "derived_all_consistency_proofs")) {
      for (JsonNode v : vectors.get(section)) {
        ConsistencyProof proof =
            tree.consistencyProof(v.get("size1").asLong(), v.get("size2").asLong());

        assertThat(hexes(proof.hashes())).as("%s %s", section, v).isEqualTo(texts(v.get("proof")));
        assertThat(ProofVerifier.verifyConsistency(proof, hex(v.get("root1")), hex(v.get("root2"))))
            .isEqualTo(ProofResult.VERIFIED);
      }
    }
  }

  private static MerkleTree referenceTree() {
    InMemoryLeafHashes leaves = new InMemoryLeafHashes();
    InMemorySubtreeHashes subtrees = new InMemorySubtreeHashes(2);
    MerkleTreeAppender appender = new MerkleTreeAppender(subtrees);
    for (JsonNode input : vectors.get("leaf_inputs_hex")) {
      byte[] leafHash = MerkleHashes.leafHash(hex(input));
      appender.append(leafHash);
      leaves.append(leafHash);
    }
    return new MerkleTree(leaves, subtrees);
  }

  private static byte[] hex(JsonNode node) {
    return HEX.parseHex(node.asText());
  }

  private static List<String> hexes(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
