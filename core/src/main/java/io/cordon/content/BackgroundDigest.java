package io.cordon.content;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * SHA-256 computed on a second thread, so that hashing runs in parallel with encryption or
 * decryption and TLS on the request thread (on a loopback transfer those stages are all CPU-bound;
 * done in sequence they halve the rate). Chunks are copied into recycled buffers and handed over
 * through a bounded queue, so memory stays at {@value #QUEUE} × the chunk size.
 *
 * <p>One producer thread calls {@link #update} and then {@link #hex()} once. Not thread-safe
 * otherwise.
 */
final class BackgroundDigest implements AutoCloseable {
  private static final int QUEUE = 16;
  private static final byte[] END = new byte[0];

  private final int chunk;
  private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(QUEUE + 1);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(QUEUE);
  private final MessageDigest sha = ContentService.sha256();
  private final Thread worker;
  private volatile Throwable failure;
  private String result;

  private record Chunk(byte[] bytes, int length) {}

  BackgroundDigest(int chunk) {
    this.chunk = chunk;
    for (int i = 0; i < QUEUE; i++) {
      free.add(new byte[chunk]);
    }
    this.worker = Thread.ofVirtual().name("cordon-sha256").start(this::digestAll);
  }

  private void digestAll() {
    try {
      while (true) {
        Chunk c = full.take();
        if (c.bytes() == END) {
          return;
        }
        sha.update(c.bytes(), 0, c.length());
        free.put(c.bytes());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      failure = e;
    }
  }

  /** Queues a copy of the bytes for hashing; blocks while the hasher is {@value #QUEUE} behind. */
  void update(byte[] bytes, int offset, int length) {
    int done = 0;
    while (done < length) {
      int n = Math.min(chunk, length - done);
      byte[] buffer = take();
      System.arraycopy(bytes, offset + done, buffer, 0, n);
      put(new Chunk(buffer, n));
      done += n;
    }
  }

  /** Waits for the hasher and returns the digest as lowercase hex. */
  String hex() {
    if (result == null) {
      put(new Chunk(END, 0));
      join();
      if (failure != null) {
        throw new IllegalStateException("hashing failed", failure);
      }
      result = HexFormat.of().formatHex(sha.digest());
    }
    return result;
  }

  private byte[] take() {
    try {
      return free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing", e);
    }
  }

  private void put(Chunk c) {
    try {
      full.put(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing", e);
    }
  }

  private void join() {
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing", e);
    }
  }

  /** Stops the hasher if the transfer was abandoned before {@link #hex()}. */
  @Override
  public void close() {
    if (result == null) {
      worker.interrupt();
    }
  }
}
