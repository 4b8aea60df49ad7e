package io.cordon.store.blob;

import io.cordon.context.CordonException;
import io.cordon.storage.BlobUpload;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One blob being written to a temporary file of a {@link LocalBlobStore}. A write or publish that
 * fails removes the temporary and throws {@link CordonException.InsufficientStorage} when the disk
 * is full, else {@link CordonException.Unavailable}. Not thread-safe.
 */
final class LocalBlobUpload implements BlobUpload {
  private static final int BUFFER = 64 * 1024;

  /**
   * After this much is written, a background flush of the file starts, so that the disk writes back
   * while the upload goes on and the final fsync has only the tail left to wait for.
   */
  private static final long FLUSH_EVERY = 32L * 1024 * 1024;

  private enum State {
    OPEN,
    PUBLISHED,
    ABORTED
  }

  private final LocalBlobStore store;
  private final Path temp;
  private final FileChannel channel;
  private final OutputStream stream;
  private State state = State.OPEN;
  private long unflushed;
  private Thread flushing;

  LocalBlobUpload(LocalBlobStore store, Path temp, FileChannel channel) {
    this.store = store;
    this.temp = temp;
    this.channel = channel;
    this.stream = new BufferedOutputStream(new Sink(), BUFFER);
  }

  @Override
  public OutputStream stream() {
    return stream;
  }

  @Override
  public String publish() {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "upload already " + state.name().toLowerCase(java.util.Locale.ROOT));
    }
    try {
      stream.flush();
      awaitFlush();
      channel.force(true);
      channel.close();
      String key = store.place(temp);
      state = State.PUBLISHED;
      return key;
    } catch (IOException e) {
      CordonException failure = store.failure("cannot publish blob", e);
      abort();
      throw failure;
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
  }

  /** Starts write-back of what is written so far; a failure shows up in the final fsync. */
  private void flushQuietly() {
    try {
      channel.force(false);
    } catch (IOException | RuntimeException e) {
      // publish() forces again and reports any failure then.
    }
  }

  private void awaitFlush() throws IOException {
    if (flushing != null) {
      try {
        flushing.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while flushing the blob", e);
      }
    }
  }

  @Override
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ABORTED;
    try {
      channel.close();
    } catch (IOException ignored) {
      // The temporary is deleted next; nothing written to it matters any more.
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // A leftover temporary is harmless: the sweeper removes it.
    }
  }

  @Override
  public void close() {
    abort();
  }

  /** Writes straight to the channel; closing it neither publishes nor aborts. */
  private final class Sink extends OutputStream {
    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (state != State.OPEN) {
        throw new IllegalStateException("upload already ended");
      }
      ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
      try {
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        unflushed += len;
        if (unflushed >= FLUSH_EVERY && (flushing == null || !flushing.isAlive())) {
          unflushed = 0;
          flushing =
              Thread.ofVirtual()
                  .name("cordon-blob-flush")
                  .start(LocalBlobUpload.this::flushQuietly);
        }
      } catch (IOException e) {
        CordonException failure = store.failure("cannot write blob", e);
        abort();
        throw failure;
      }
    }
  }
}
