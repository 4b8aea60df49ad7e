package io.cordon.identity;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the published test vectors in {@code ../shared/testdata} next to the repository root (the
 * topmost directory with a {@code pom.xml}, walking up from the module directory).
 */
final class SharedTestData {
  private SharedTestData() {}

  static Path file(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    Path root = null;
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("pom.xml"))) {
        root = d;
      }
    }
    if (root == null) {
      throw new IllegalStateException("no pom.xml above " + dir);
    }
    Path file = root.resolve("../shared/testdata").resolve(relative).normalize();
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("published test vectors not found: " + file);
    }
    return file;
  }
}
