package io.cordon.inspect.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 as it streams, replacing each malformed sequence with U+FFFD (one char, as the
 * WHATWG decoder does) and counting them, so a caller can say the text was not valid UTF-8 instead
 * of silently guessing. Not thread-safe.
 */
public final class Utf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
  private boolean eof;
  private boolean flushed;
  private long invalid;

  public Utf8Reader(InputStream in) {
    this.in = in;
  }

  /** Malformed sequences replaced so far. */
  public long invalidSequences() {
    return invalid;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (out.position() == off) {
      if (!eof && bytes.remaining() < 4) {
        bytes.compact();
        int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (r < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + r);
        }
        bytes.flip();
      }
      if (out.remaining() < 2 && out.position() > off) {
        break;
      }
      CoderResult result = decoder.decode(bytes, out, eof);
      if (result.isError()) {
        if (out.remaining() == 0) {
          break;
        }
        out.put('\uFFFD');
        bytes.position(bytes.position() + result.length());
        invalid++;
        continue;
      }
      if (eof && !bytes.hasRemaining()) {
        if (!flushed) {
          decoder.flush(out);
          flushed = true;
        }
        break;
      }
      if (result.isOverflow()) {
        break;
      }
    }
    int n = out.position() - off;
    return n == 0 && eof ? -1 : n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
