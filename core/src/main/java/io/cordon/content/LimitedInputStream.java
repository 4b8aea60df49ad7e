package io.cordon.content;

import io.cordon.context.CordonException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a stream through until more than a limit has been read, then fails with {@link
 * CordonException.TooLarge}: an upload cannot exceed the configured size whatever its headers
 * claim. Not thread-safe.
 */
final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private long read;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  /** How many bytes have passed so far. */
  long bytesRead() {
    return read;
  }

  private void count(long n) {
    read += n;
    if (read > limit) {
      throw new CordonException.TooLarge(
          "the file is larger than the upload limit of " + limit + " bytes (upload.max-bytes)");
    }
  }
}
