package io.cordon;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates published test vectors as {@code io.cordon.testing.PublishedVectors} does (core cannot
 * depend on the testing module, which depends on core): the directory named by {@code
 * CORDON_TESTDATA}, else the nearest {@code shared/testdata} beside an ancestor of the working
 * directory. Missing vectors skip the test, except on CI, where they fail.
 */
public final class SharedVectors {
  private SharedVectors() {}

  /** The file at {@code relative} (e.g. {@code merkle/rfc6962_reference_vectors.json}). */
  public static Path file(String relative) {
    return locate(relative, Files::isRegularFile);
  }

  /** The directory at {@code relative} (e.g. {@code merkle/inclusion}). */
  public static Path directory(String relative) {
    return locate(relative, Files::isDirectory);
  }

  private static Path locate(String relative, Predicate<Path> exists) {
    String configured = System.getenv("CORDON_TESTDATA");
    if (configured != null && !configured.isBlank()) {
      return existing(Paths.get(configured).resolve(relative), relative, exists);
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("testdata").resolve(relative);
      if (exists.test(candidate)) {
        return candidate;
      }
    }
    return existing(Paths.get("shared", "testdata", relative), relative, exists);
  }

  private static Path existing(Path path, String relative, Predicate<Path> exists) {
    if (exists.test(path)) {
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
