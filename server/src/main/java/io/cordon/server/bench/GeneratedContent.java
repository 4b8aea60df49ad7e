package io.cordon.server.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A deterministic stream of {@code size} pseudo-random bytes that costs no more than a memory copy
 * to produce, so that the generator is never what a benchmark measures. One mebibyte of random
 * bytes (from {@code seed}) is drawn once; block {@code k} of the stream is that table rotated by a
 * distinct offset, so no mebibyte repeats within the first 128 GiB. Nothing is held but the table.
 *
 * <p>Immutable and thread-safe: any number of threads may fill their own buffers concurrently.
 */
final class GeneratedContent {
  private static final int BLOCK_BITS = 20;
  private static final int BLOCK = 1 << BLOCK_BITS;
  private static final int MASK = BLOCK - 1;

  /** Read and write buffers of the benchmark: as large as the product's own. */
  static final int BUFFER = 64 * 1024;

  private final long size;
  private final long seed;
  private final byte[] table; // one block, twice, so that any rotation is one contiguous copy

  private GeneratedContent(long size, long seed, byte[] table) {
    if (size < 0) {
      throw new IllegalArgumentException("negative size");
    }
    this.size = size;
    this.seed = seed;
    this.table = table;
  }

  static GeneratedContent of(long size, long seed) {
    byte[] block = new byte[BLOCK];
    new SplittableRandom(seed).nextBytes(block);
    byte[] doubled = new byte[2 * BLOCK];
    System.arraycopy(block, 0, doubled, 0, BLOCK);
    System.arraycopy(block, 0, doubled, BLOCK, BLOCK);
    return new GeneratedContent(size, seed, doubled);
  }

  /** The stream's length in bytes. */
  long size() {
    return size;
  }

  /** The same bytes, cut to another length. */
  GeneratedContent withSize(long newSize) {
    return new GeneratedContent(newSize, seed, table);
  }

  /**
   * Writes {@code len} bytes of the stream, starting at stream {@code position}, into {@code buf}.
   */
  void fill(long position, byte[] buf, int off, int len) {
    while (len > 0) {
      long block = position >>> BLOCK_BITS;
      int within = (int) (position & MASK);
      int start = (int) ((within + block * 63_352L) & MASK); // 8 × 7919: 2^17 distinct rotations
      int n = Math.min(len, BLOCK - within);
      System.arraycopy(table, start, buf, off, n);
      position += n;
      off += n;
      len -= n;
    }
  }

  /** Writes the whole stream to {@code out} in {@link #BUFFER}-sized writes. */
  void writeTo(OutputStream out) throws IOException {
    byte[] buf = new byte[BUFFER];
    for (long p = 0; p < size; ) {
      int n = (int) Math.min(BUFFER, size - p);
      fill(p, buf, 0, n);
      out.write(buf, 0, n);
      p += n;
    }
  }

  /** The stream's SHA-256 in lowercase hex, as the server reports it after an upload. */
  String sha256() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
    byte[] buf = new byte[BUFFER];
    for (long p = 0; p < size; ) {
      int n = (int) Math.min(BUFFER, size - p);
      fill(p, buf, 0, n);
      sha.update(buf, 0, n);
      p += n;
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
