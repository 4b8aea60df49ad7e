package io.cordon.store.blob;

import io.cordon.context.CordonException;
import io.cordon.storage.BlobStore;
import io.cordon.storage.BlobUpload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Blobs as files under one directory: temporaries in {@code tmp/}, published blobs in {@code <first
 * two hex digits>/<key>}. Keys are 128 random bits in lowercase hex; every key a caller passes must
 * have that shape, so no key can name a path outside the store.
 *
 * <p>Crash safety: {@link BlobUpload#publish()} forces the file's bytes to disk, renames it
 * atomically into place and forces the directory, so after a crash a key either names the whole
 * blob or nothing; leftover temporaries are removed by {@link #sweepTemporaries}. Files and
 * directories are created readable by the owner only where the file system is POSIX. A full disk
 * surfaces as {@link CordonException.InsufficientStorage}, other I/O failures as {@link
 * CordonException.Unavailable}.
 *
 * <p>Thread-safe; each upload is used by one thread.
 */
public final class LocalBlobStore implements BlobStore {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32,128}");
  private static final Pattern SHARD = Pattern.compile("[0-9a-f]{2}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** With less usable space than this left, a failed write is taken for a full disk. */
  private static final long NEARLY_FULL = 16L * 1024 * 1024;

  private final Path root;
  private final Path temporaries;
  private final boolean posix;

  /** Uses (creating if needed) the directory; the caller owns its location. */
  public LocalBlobStore(Path dir) {
    this.root = dir.toAbsolutePath().normalize();
    this.temporaries = root.resolve("tmp");
    this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    try {
      createDirectory(root);
      createDirectory(temporaries);
    } catch (IOException e) {
      throw unavailable("cannot create blob directory", e);
    }
  }

  @Override
  public BlobUpload begin() {
    Path temp = temporaries.resolve(randomHex());
    try {
      FileChannel channel =
          posix
              ? FileChannel.open(
                  temp,
                  java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new LocalBlobUpload(this, temp, channel);
    } catch (IOException e) {
      throw failure("cannot start a blob", e);
    }
  }

  /** Moves a complete, forced temporary into place under a new key; called by the upload. */
  String place(Path temp) throws IOException {
    String key = randomHex();
    Path shard = root.resolve(key.substring(0, 2));
    boolean newShard = !Files.isDirectory(shard);
    if (newShard) {
      createDirectory(shard);
    }
    Files.move(temp, shard.resolve(key), StandardCopyOption.ATOMIC_MOVE);
    // The rename is durable only once its directory entry is on disk.
    forceDirectory(shard);
    if (newShard) {
      forceDirectory(root);
    }
    return key;
  }

  @Override
  public InputStream open(String key) {
    try {
      return Files.newInputStream(path(key));
    } catch (NoSuchFileException e) {
      throw new CordonException.NotFound("no blob " + key);
    } catch (IOException e) {
      throw unavailable("cannot read blob", e);
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(path(key));
  }

  @Override
  public long size(String key) {
    try {
      return Files.size(path(key));
    } catch (NoSuchFileException e) {
      throw new CordonException.NotFound("no blob " + key);
    } catch (IOException e) {
      throw unavailable("cannot read blob", e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(path(key));
    } catch (IOException e) {
      throw unavailable("cannot delete blob", e);
    }
  }

  @Override
  public void forEachPublishedBefore(Instant before, Consumer<String> key) {
    try (DirectoryStream<Path> shards = Files.newDirectoryStream(root)) {
      for (Path shard : shards) {
        if (SHARD.matcher(shard.getFileName().toString()).matches() && Files.isDirectory(shard)) {
          // Collect one shard before calling back, so the callback may delete what it is given.
          for (Path blob : listBefore(shard, before)) {
            String name = blob.getFileName().toString();
            if (KEY.matcher(name).matches() && name.startsWith(shard.getFileName().toString())) {
              key.accept(name);
            }
          }
        }
      }
    } catch (IOException e) {
      throw unavailable("cannot list blobs", e);
    }
  }

  @Override
  public int sweepTemporaries(Instant before) {
    int removed = 0;
    try {
      for (Path temp : listBefore(temporaries, before)) {
        if (Files.deleteIfExists(temp)) {
          removed++;
        }
      }
    } catch (IOException e) {
      throw unavailable("cannot sweep temporary blobs", e);
    }
    return removed;
  }

  private List<Path> listBefore(Path dir, Instant before) throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        try {
          if (Files.getLastModifiedTime(entry).toInstant().isBefore(before)) {
            found.add(entry);
          }
        } catch (NoSuchFileException gone) {
          // Deleted or published while we listed: nothing to do with it.
        }
      }
    }
    return found;
  }

  private Path path(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new CordonException.InvalidInput("malformed blob key");
    }
    return root.resolve(key.substring(0, 2)).resolve(key);
  }

  private void createDirectory(Path dir) throws IOException {
    FileAttribute<?>[] attrs =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
            }
            : new FileAttribute<?>[0];
    Files.createDirectories(dir, attrs);
  }

  private void forceDirectory(Path dir) throws IOException {
    if (!posix) {
      return; // Directories cannot be opened for fsync on Windows; NTFS journals renames.
    }
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /**
   * Translates a failure to write into this store. Call it before removing what was written, as
   * that frees space again.
   */
  CordonException failure(String what, IOException e) {
    if (isOutOfSpace(e, usableSpace())) {
      return new CordonException.InsufficientStorage(
          "no space left in the blob store; free disk space, then try again", e);
    }
    return unavailable(what, e);
  }

  private long usableSpace() {
    try {
      return Files.getFileStore(root).getUsableSpace();
    } catch (IOException | RuntimeException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Whether a write failed for want of space (ENOSPC, EDQUOT). The error text comes from the C
   * library in the process's locale, so an almost exhausted file system counts as well.
   */
  static boolean isOutOfSpace(IOException e, long usableBytes) {
    String message = String.valueOf(e.getMessage());
    return usableBytes < NEARLY_FULL
        || message.contains("No space left on device")
        || message.contains("Disk quota exceeded");
  }

  static CordonException.Unavailable unavailable(String what, IOException e) {
    return new CordonException.Unavailable(
        "blob store: " + what + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
        e);
  }

  private static String randomHex() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
