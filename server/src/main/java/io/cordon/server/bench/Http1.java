package io.cordon.server.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Just enough HTTP/1.1 (RFC 9112) for the benchmark's client and baseline server, so that both
 * sides of the baseline and the client of the product run the same few lines of code: a message
 * head, a fixed-length or chunked body, nothing else. Stateless and thread-safe.
 */
final class Http1 {
  private static final int MAX_LINE = 16 * 1024;
  private static final int MAX_HEADERS = 100;

  private Http1() {}

  /**
   * A message head: the start line and the header fields (names lower-cased; the values of a
   * repeated field joined by newlines, as {@code Set-Cookie} needs).
   *
   * @param startLine the request line or status line
   * @param headers the fields
   */
  record Head(String startLine, Map<String, String> headers) {
    Head {
      headers = Map.copyOf(headers);
    }

    /** The status code of a status line. */
    int status() {
      String[] parts = startLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
        throw new IllegalStateException("not an HTTP/1.x status line: " + startLine);
      }
      return Integer.parseInt(parts[1]);
    }

    OptionalLong contentLength() {
      String v = headers.get("content-length");
      return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v.strip()));
    }

    boolean isChunked() {
      return headers
          .getOrDefault("transfer-encoding", "")
          .toLowerCase(Locale.ROOT)
          .contains("chunked");
    }
  }

  static Head readHead(InputStream in) throws IOException {
    String start = readLine(in);
    Map<String, String> headers = new HashMap<>();
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      if (colon <= 0 || headers.size() >= MAX_HEADERS) {
        throw new IOException("malformed header field: " + line);
      }
      headers.merge(
          line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip(),
          (a, b) -> a + "\n" + b);
    }
    return new Head(start, headers);
  }

  /** Reads a small body completely (fixed length, chunked, or up to the end of the stream). */
  static byte[] readSmallBody(Head head, InputStream in, int limit) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (head.isChunked()) {
      for (long chunk = chunkSize(in); chunk > 0; chunk = chunkSize(in)) {
        copy(in, body, chunk, limit);
        readLine(in);
      }
      while (!readLine(in).isEmpty()) {
        // trailer fields: ignored
      }
    } else if (head.contentLength().isPresent()) {
      copy(in, body, head.contentLength().getAsLong(), limit);
    } else {
      copy(in, body, Long.MAX_VALUE, limit);
    }
    return body.toByteArray();
  }

  /** Reads and drops exactly {@code n} bytes; returns {@code n}. */
  static long discard(InputStream in, long n, byte[] buf) throws IOException {
    for (long left = n; left > 0; ) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        throw new EOFException("body ended " + left + " bytes early");
      }
      left -= r;
    }
    return n;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static long chunkSize(InputStream in) throws IOException {
    String line = readLine(in);
    int semicolon = line.indexOf(';');
    return Long.parseLong((semicolon < 0 ? line : line.substring(0, semicolon)).strip(), 16);
  }

  private static void copy(InputStream in, ByteArrayOutputStream out, long n, int limit)
      throws IOException {
    byte[] buf = new byte[8192];
    for (long left = n; left > 0; ) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        if (n == Long.MAX_VALUE) {
          return;
        }
        throw new EOFException("body ended early");
      }
      out.write(buf, 0, r);
      left -= r;
      if (out.size() > limit) {
        throw new IOException("body larger than " + limit + " bytes");
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed inside a message head");
      }
      if (line.length() >= MAX_LINE) {
        throw new IOException("header line too long");
      }
      line.append((char) c);
    }
    int end = line.length();
    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
  }
}
