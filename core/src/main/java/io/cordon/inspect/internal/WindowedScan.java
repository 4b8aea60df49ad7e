package io.cordon.inspect.internal;

import io.cordon.inspect.Finding;
import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * Scans a stream of any length in fixed windows that overlap by more than any detector reads, so
 * memory stays bounded (a 2 GB single-line file included) and no finding across a window edge is
 * lost or doubled. Window k scans the triggers in its part past the previous window's end of
 * scanning; it keeps {@link Scanner#LOOKBEHIND} chars before that for context and needs {@link
 * Scanner#MAX_SPAN} chars after its last trigger. Offsets are absolute UTF-16 offsets in the
 * stream. Not thread-safe.
 */
public final class WindowedScan {
  /** Default window: 1 Mi chars (2 MiB). */
  public static final int DEFAULT_WINDOW = 1 << 20;

  private static final int TAIL = Scanner.MAX_SPAN + 64;

  private final Scanner scanner;
  private final int window;

  public WindowedScan(Scanner scanner, int window) {
    if (window < 2 * (TAIL + Scanner.LOOKBEHIND)) {
      throw new IllegalArgumentException("window too small: " + window);
    }
    this.scanner = scanner;
    this.window = window;
  }

  /** Scans everything {@code in} yields; answers the number of chars read. */
  public long scan(Reader in, Consumer<Finding> out) throws IOException {
    char[] buf = new char[window];
    Text text = null;
    long base = 0;
    int len = 0;
    int from = 0;
    int suppress = 0;
    boolean eof = false;
    while (true) {
      while (len < buf.length && !eof) {
        int r = in.read(buf, len, buf.length - len);
        if (r < 0) {
          eof = true;
        } else {
          len += r;
        }
      }
      if (text == null || text.length() != len) {
        text = new Text(buf, len);
      }
      int to = eof ? len : len - TAIL;
      suppress = scanner.scan(text, from, to, suppress, base, out);
      if (eof) {
        return base + len;
      }
      int keep = to - Scanner.LOOKBEHIND;
      System.arraycopy(buf, keep, buf, 0, len - keep);
      base += keep;
      len -= keep;
      from = to - keep;
      suppress = Math.max(0, suppress - keep);
    }
  }
}
