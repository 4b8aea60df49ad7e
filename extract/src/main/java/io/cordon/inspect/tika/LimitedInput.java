package io.cordon.inspect.tika;

import io.cordon.inspect.Extraction.Status;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The file's bytes as the parsers see them: counted, cut at the byte limit, and ended once the run
 * has stopped or its time is up (the next read of a parser that overran ends its input). An
 * exception from the underlying stream is a storage failure, kept apart from parse failures so the
 * caller sees it as an {@link IOException}. Not thread-safe (one parser reads it).
 */
final class LimitedInput extends FilterInputStream {
  private final ParseRun run;
  private volatile long count;
  private IOException sourceFailure;

  LimitedInput(InputStream in, ParseRun run) {
    super(in);
    this.run = run;
  }

  /** Bytes read from the file so far. */
  long count() {
    return count;
  }

  /** The storage failure met while reading, if any. */
  IOException sourceFailure() {
    return sourceFailure;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (run.checkTime()) {
      return -1;
    }
    long left = run.limits.maxBytes() - count;
    if (left <= 0) {
      // Only a file with more bytes is truncated: peek one byte to tell.
      if (readSource(new byte[1], 0, 1) > 0) {
        run.stop(
            Status.TRUNCATED,
            "byte limit of " + run.limits.maxBytes() + " reached; the rest unread");
      }
      return -1;
    }
    int n = readSource(b, off, (int) Math.min(len, left));
    if (n > 0) {
      count += n;
    }
    return n;
  }

  private int readSource(byte[] b, int off, int len) throws IOException {
    try {
      return in.read(b, off, len);
    } catch (IOException e) {
      sourceFailure = e;
      throw e;
    }
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(8192, Math.max(n, 1))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** The caller owns the file's stream: parsers closing theirs must not close it. */
  @Override
  public void close() {}
}
