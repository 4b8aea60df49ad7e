package io.cordon.server.robust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a user can see of a blob directory on disk: temporaries of uploads in progress ({@code
 * tmp/}) and published blobs. Also searches whole directory trees for plaintext.
 */
record BlobDirectory(Path root) {
  List<Path> temporaries() throws IOException {
    return regularFiles(root.resolve("tmp"));
  }

  /** Blobs in their shards ({@code <two hex digits>/<key>}); other files are not the store's. */
  List<Path> published() throws IOException {
    return regularFiles(root).stream()
        .filter(p -> root.relativize(p).getNameCount() == 2)
        .filter(p -> p.getParent().getFileName().toString().matches("[0-9a-f]{2}"))
        .toList();
  }

  /** The total size of the temporaries (0 when there are none). */
  long temporaryBytes() throws IOException {
    long sum = 0;
    for (Path p : temporaries()) {
      try {
        sum += Files.size(p);
      } catch (java.nio.file.NoSuchFileException gone) {
        // Removed while we looked.
      }
    }
    return sum;
  }

  /** Every regular file under {@code dir} whose bytes contain {@code needle}. */
  static List<Path> filesContaining(Path dir, byte[] needle) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path f : regularFiles(dir)) {
      if (contains(f, needle)) {
        found.add(f);
      }
    }
    return found;
  }

  static List<Path> regularFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private static boolean contains(Path file, byte[] needle) throws IOException {
    // A sliding window: the tail of one chunk is kept so that a match across chunks is found.
    byte[] buf = new byte[1 << 20];
    int kept = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf, kept, buf.length - kept)) > 0) {
        int end = kept + n;
        if (indexOf(buf, end, needle) >= 0) {
          return true;
        }
        kept = Math.min(needle.length - 1, end);
        System.arraycopy(buf, end - kept, buf, 0, kept);
      }
    } catch (java.nio.file.NoSuchFileException gone) {
      return false;
    }
    return false;
  }

  private static int indexOf(byte[] haystack, int end, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= end; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
