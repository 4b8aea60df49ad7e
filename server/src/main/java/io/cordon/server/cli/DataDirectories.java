package io.cordon.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Clean-up of a data directory that a failed command created itself. */
final class DataDirectories {
  private DataDirectories() {}

  /** Deletes the directory and everything in it; best effort, never follows links out. */
  static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // The caller reports the original failure; a leftover is named in that message's context.
    }
  }
}
