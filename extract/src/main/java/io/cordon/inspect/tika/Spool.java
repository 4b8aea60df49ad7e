package io.cordon.inspect.tika;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.metadata.Metadata;

/**
 * Where Tika may spool a document it must read randomly (OOXML's zip, for one): only a directory in
 * memory, never the disk, because the spooled bytes are a stored file's plaintext. On Linux that is
 * a private directory (mode 700) under {@code /dev/shm} (tmpfs). Without one, spooling fails with
 * an {@link IOException} that says why, and the file gets an incomplete verdict instead of its
 * plaintext touching the disk. Files are deleted when the parse's resources close.
 */
final class Spool {
  private static final Path MEMORY = Path.of("/dev/shm");
  private static final Optional<Path> DIRECTORY = privateDirectory();

  private Spool() {}

  /** Temporary resources for one parse, spooling only to memory. */
  static TemporaryResources resources() {
    if (DIRECTORY.isPresent()) {
      TemporaryResources tmp = new TemporaryResources();
      tmp.setTemporaryFileDirectory(DIRECTORY.get());
      return tmp;
    }
    return new Refusing();
  }

  /** The memory-backed directory in use, if this machine has one. */
  static Optional<Path> directory() {
    return DIRECTORY;
  }

  private static Optional<Path> privateDirectory() {
    if (!Files.isDirectory(MEMORY) || !Files.isWritable(MEMORY)) {
      return Optional.empty();
    }
    try {
      Path dir =
          Files.createTempDirectory(
              MEMORY,
              "cordon-spool-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      dir.toFile().deleteOnExit();
      return Optional.of(dir);
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** Resources that refuse every temporary file: there is no memory to spool to. */
  private static final class Refusing extends TemporaryResources {
    private static IOException refusal() {
      return new IOException(
          "this document needs spooling and there is no memory-backed directory (/dev/shm) to"
              + " spool its plaintext to");
    }

    @Override
    public Path createTempFile(String suffix) throws IOException {
      throw refusal();
    }

    @Override
    public Path createTempFile() throws IOException {
      throw refusal();
    }

    @Override
    public Path createTempFile(Metadata metadata) throws IOException {
      throw refusal();
    }

    @Override
    @SuppressWarnings("deprecation")
    public java.io.File createTemporaryFile() throws IOException {
      throw refusal();
    }
  }
}
