package io.cordon.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates published test vectors (Wycheproof, RFC vectors; see the testdata's PROVENANCE.md): the
 * directory named by {@code CORDON_TESTDATA}, else the nearest {@code shared/testdata} beside an
 * ancestor of the working directory. Missing vectors skip the test, except on CI, where they fail.
 */
public final class PublishedVectors {
  private PublishedVectors() {}

  /** The file at {@code relative} (e.g. {@code wycheproof/aes_gcm_test.json}). */
  public static Path file(String relative) {
    String configured = System.getenv("CORDON_TESTDATA");
    if (configured != null && !configured.isBlank()) {
      return existing(Paths.get(configured).resolve(relative), relative);
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("testdata").resolve(relative);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return existing(Paths.get("shared", "testdata", relative), relative);
  }

  private static Path existing(Path path, String relative) {
    if (Files.isRegularFile(path)) {
      return path;
    }
    String why = "published test vectors not found: " + relative + " (set CORDON_TESTDATA)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return fail(why);
    }
    Assumptions.abort(why);
    throw new AssertionError("unreachable");
  }
}
