package io.cordon.server.web;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and drops what a client still sends after its upload failed, so that the client gets the
 * error answer. A server that answers early and then closes a connection on which request bytes are
 * still arriving makes its TCP stack reset the connection; a client still writing then sees a
 * broken pipe and usually reports that instead of the answer (Tomcat's {@code maxSwallowSize}
 * exists for the same reason). Bounded: past {@link #LIMIT} the connection is closed after all.
 */
final class LeftoverBody {
  /** The most that is read and dropped after a failed request. */
  static final long LIMIT = 64L * 1024 * 1024;

  private LeftoverBody() {}

  /** Discards up to {@link #LIMIT} bytes of what is left of {@code body}; never throws. */
  static void discard(InputStream body) {
    byte[] buffer = new byte[64 * 1024];
    long left = LIMIT;
    try {
      int n;
      while (left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // The client is gone or the body is broken: nothing left to protect.
    }
  }
}
