package io.cordon.audit.tree;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.SharedVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every inclusion and consistency vector of transparency-dev/merkle ({@code
 * ../shared/testdata/merkle/inclusion} and {@code …/consistency}; see PROVENANCE.md): happy paths
 * verify, and each malformed proof ({@code wantErr}) is rejected. Hashes are base64; a {@code null}
 * proof is an empty one, as in Go.
 */
class ProofVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> inclusionVectors() {
    return vectors("merkle/inclusion");
  }

  static Stream<Path> consistencyVectors() {
    return vectors("merkle/consistency");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inclusionVectors")
  void verifyInclusion_publishedVector_matchesWantErr(Path file) {
    JsonNode v = read(file);
    ProofResult result =
        ProofVerifier.verifyInclusion(
            v.get("leafIdx").asLong(),
            v.get("treeSize").asLong(),
            base64(v.get("leafHash")),
            hashes(v.get("proof")),
            base64(v.get("root")));

    assertThat(result.isVerified())
        .as(v.get("desc").asText() + ": " + result)
        .isEqualTo(!v.get("wantErr").asBoolean());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("consistencyVectors")
  void verifyConsistency_publishedVector_matchesWantErr(Path file) {
    JsonNode v = read(file);
    ProofResult result =
        ProofVerifier.verifyConsistency(
            v.get("size1").asLong(),
            v.get("size2").asLong(),
            hashes(v.get("proof")),
            base64(v.get("root1")),
            base64(v.get("root2")));

    assertThat(result.isVerified())
        .as(v.get("desc").asText() + ": " + result)
        .isEqualTo(!v.get("wantErr").asBoolean());
  }

  @Test
  void vectorDirectories_holdEveryPublishedFile() {
    // Guards against a lookup that silently finds an empty or partial copy.
    assertThat(inclusionVectors().count()).isEqualTo(98);
    assertThat(consistencyVectors().count()).isEqualTo(98);
  }

  private static Stream<Path> vectors(String relative) {
    try (Stream<Path> files = Files.walk(SharedVectors.directory(relative))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] base64(JsonNode node) {
    return Base64.getDecoder().decode(node.asText());
  }

  private static List<byte[]> hashes(JsonNode proof) {
    List<byte[]> out = new ArrayList<>();
    if (proof != null && !proof.isNull()) {
      proof.forEach(h -> out.add(base64(h)));
    }
    return out;
  }
}
