package io.cordon.store.keys;

import io.cordon.context.CordonException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Small files holding key material: created owner-only (mode 0600) and atomically, read only if
 * nobody but the owner can read them (as OpenSSH treats private keys).
 */
final class OwnerOnlyFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnlyFiles() {}

  /**
   * Writes {@code content} to {@code target}, which must not exist: written to a temporary file,
   * synced, then linked into place (a link never replaces an existing file).
   *
   * @throws FileAlreadyExistsException if {@code target} exists
   */
  static void createNew(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = dir.resolve("." + target.getFileName() + ".tmp-" + System.nanoTime());
    try {
      try (OutputStream out =
          Files.newOutputStream(Files.createFile(temp, ownerOnly("rw-------")))) {
        out.write(content);
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        Files.createLink(target, temp);
      } catch (UnsupportedOperationException e) {
        if (Files.exists(target)) {
          throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(temp, target);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static void createDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, ownerOnly("rwx------"));
    }
  }

  /** Reads a key file of exactly {@code length} bytes that only its owner can read. */
  static byte[] readKey(Path file, int length, String what) {
    try {
      checkOwnerOnly(file, what);
      if (Files.size(file) != length) {
        throw new CordonException.InvalidInput(what + " must hold exactly " + length + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CordonException.InvalidInput(what + " does not exist");
    } catch (IOException e) {
      throw new CordonException.Unavailable("cannot read the " + what, e);
    }
  }

  /** Refuses a file that anyone but its owner may read or write. */
  static void checkOwnerOnly(Path file, String what) throws IOException {
    if (POSIX
        && !Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
            .containsAll(Files.getPosixFilePermissions(file))) {
      throw new CordonException.InvalidInput(
          what + " must be readable by its owner only (chmod 600)");
    }
  }

  /** Whether {@code path} (existing or not) lies inside {@code dir}, links resolved. */
  static boolean isInside(Path path, Path dir) throws IOException {
    Path realDir = dir.toRealPath();
    Path absolute = path.toAbsolutePath().normalize();
    if (Files.exists(absolute)) {
      return absolute.toRealPath().startsWith(realDir);
    }
    Path parent = absolute.getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    Path resolved =
        parent == null ? absolute : parent.toRealPath().resolve(parent.relativize(absolute));
    return resolved.startsWith(realDir);
  }

  private static FileAttribute<?>[] ownerOnly(String permissions) {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        }
        : new FileAttribute<?>[0];
  }
}
