package io.cordon.server;

import io.cordon.audit.CheckpointSink;
import io.cordon.audit.StoredCheckpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every new checkpoint as a file ({@code <tree size>.checkpoint}, the signed note exactly as
 * published) and replaces {@code latest.checkpoint}, each atomically, so that a copy of the trail's
 * commitments lives outside the database: point the directory at other storage, or ship it, and a
 * rewrite of the database can be proven against it with {@code cordon audit verify --against}.
 * Checkpoints are public data; nothing secret is written. A failure is logged, not raised: the
 * checkpoint is already committed.
 */
final class CheckpointDirectory implements CheckpointSink {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointDirectory.class);
  private final Path dir;

  CheckpointDirectory(Path dir) {
    this.dir = dir;
  }

  /**
   * Writes the checkpoint's file, and {@code latest.checkpoint} unless that already holds a larger
   * tree (a cosigned note of an older checkpoint arrives after the next checkpoint was signed).
   */
  @Override
  public synchronized void publish(StoredCheckpoint checkpoint) {
    try {
      Files.createDirectories(dir);
      String name = String.format(Locale.ROOT, "%020d.checkpoint", checkpoint.treeSize());
      write(dir.resolve(name), checkpoint.note());
      if (latestSize() <= checkpoint.treeSize()) {
        write(dir.resolve("latest.checkpoint"), checkpoint.note());
      }
    } catch (IOException e) {
      LOG.error(
          "could not write the checkpoint of {} events to {}: {}",
          checkpoint.treeSize(),
          dir,
          e.toString());
    }
  }

  /** The tree size of {@code latest.checkpoint} (its second line), or -1 if there is none. */
  private long latestSize() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("latest.checkpoint"));
      return lines.size() > 1 ? Long.parseLong(lines.get(1)) : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  private static void write(Path target, String note) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), ".checkpoint-", ".tmp");
    try {
      Files.writeString(temp, note, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
