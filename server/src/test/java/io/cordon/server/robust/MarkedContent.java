package io.cordon.server.robust;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Deterministic file content of any length, made of numbered lines that carry a distinctive marker,
 * so that a test can stream it without holding it, regenerate it to compare, and search a data
 * directory for any plaintext of it. Immutable.
 */
record MarkedContent(String marker, long length) {
  private static final int LINE = 64;

  MarkedContent {
    if (marker.length() > LINE - 12) {
      throw new IllegalArgumentException("marker too long");
    }
  }

  /** The marker as it appears in the content: what must never be found at rest. */
  byte[] markerBytes() {
    return marker.getBytes(StandardCharsets.US_ASCII);
  }

  /** A fresh stream of the whole content. */
  InputStream stream() {
    return new InputStream() {
      private long position;
      private final byte[] line = new byte[LINE];
      private long lineNumber = -1;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= length) {
          return -1;
        }
        int n = (int) Math.min(len, length - position);
        for (int i = 0; i < n; i++) {
          b[off + i] = byteAt(position + i);
        }
        position += n;
        return n;
      }

      private byte byteAt(long at) {
        long number = at / LINE;
        if (number != lineNumber) {
          fill(line, number);
          lineNumber = number;
        }
        return line[(int) (at % LINE)];
      }
    };
  }

  /** The whole content in memory, for small lengths. */
  byte[] bytes() throws Exception {
    try (InputStream in = stream()) {
      return in.readAllBytes();
    }
  }

  String sha256() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = stream()) {
      int n;
      while ((n = in.read(buf, 0, buf.length)) > 0) {
        sha.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private void fill(byte[] line, long number) {
    String text = String.format(java.util.Locale.ROOT, "%s %010d", marker, number);
    byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
    java.util.Arrays.fill(line, (byte) '.');
    System.arraycopy(ascii, 0, line, 0, ascii.length);
    line[LINE - 1] = '\n';
  }
}
