package io.cordon.server.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The one HTTPS client of the content benchmark, used unchanged against the product and against the
 * plain TLS baseline so that only the server side differs: HTTP/1.1 over a JDK {@link SSLSocket} to
 * loopback, one connection per exchange, TLS 1.3 only, the server's certificate checked against the
 * given trust (host name {@code localhost}), optionally pinned to one cipher suite. Bodies are
 * streamed in {@link GeneratedContent#BUFFER}-sized writes and reads and never held in memory. The
 * clock starts after the handshake and stops after the last byte of the response, so handshakes are
 * not measured. Immutable and thread-safe.
 */
final class BenchClient {
  private static final int SMALL_BODY_LIMIT = 1 << 20;

  private final SSLContext tls;
  private final int port;
  private final Optional<String> cipherSuite;

  BenchClient(SSLContext tls, int port, Optional<String> cipherSuite) {
    this.tls = tls;
    this.port = port;
    this.cipherSuite = cipherSuite;
  }

  /** The same client pinned to {@code suite}. */
  BenchClient pinnedTo(String suite) {
    return new BenchClient(tls, port, Optional.of(suite));
  }

  /** To another port of loopback, with the same TLS settings. */
  BenchClient toPort(int otherPort) {
    return new BenchClient(tls, otherPort, cipherSuite);
  }

  /**
   * A response and what the exchange moved.
   *
   * @param head the status line and header fields
   * @param body a small response body; empty for a measured download
   * @param bodyBytes how many body bytes were moved (sent for an upload, received for a download)
   * @param nanos from the first byte of the request to the last byte of the response
   * @param protocol the negotiated TLS version
   * @param suite the negotiated cipher suite
   */
  record Exchange(
      Http1.Head head, byte[] body, long bodyBytes, long nanos, String protocol, String suite) {
    int status() {
      return head.status();
    }

    double megabytesPerSecond() {
      return bodyBytes / 1e6 / (nanos / 1e9);
    }
  }

  /** Sends a small request and reads a small response. */
  Exchange send(String method, String target, Map<String, String> headers, byte[] body)
      throws IOException {
    try (SSLSocket socket = connect()) {
      long start = System.nanoTime();
      OutputStream out = socket.getOutputStream();
      out.write(head(method, target, headers, body.length));
      out.write(body);
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      Http1.Head head = Http1.readHead(in);
      byte[] answer = Http1.readSmallBody(head, in, SMALL_BODY_LIMIT);
      return exchange(socket, head, answer, body.length, start);
    }
  }

  /** Streams {@code content} as the request body of a POST; the response is small. */
  Exchange upload(String target, Map<String, String> headers, GeneratedContent content)
      throws IOException {
    try (SSLSocket socket = connect()) {
      long start = System.nanoTime();
      OutputStream out = socket.getOutputStream();
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put("Content-Type", "application/octet-stream");
      out.write(head("POST", target, all, content.size()));
      content.writeTo(out);
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      Http1.Head head = Http1.readHead(in);
      byte[] answer = Http1.readSmallBody(head, in, SMALL_BODY_LIMIT);
      return exchange(socket, head, answer, content.size(), start);
    }
  }

  /** GETs {@code target} and reads and drops its fixed-length body. */
  Exchange download(String target, Map<String, String> headers) throws IOException {
    try (SSLSocket socket = connect()) {
      long start = System.nanoTime();
      OutputStream out = socket.getOutputStream();
      out.write(head("GET", target, headers, -1));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[GeneratedContent.BUFFER];
      // Unbuffered: the TLS socket buffers a decrypted record itself, and the body that follows
      // the head is read from the same stream.
      Http1.Head head = Http1.readHead(in);
      long received = 0;
      if (head.status() == 200) {
        long length =
            head.contentLength()
                .orElseThrow(() -> new IOException("a download without Content-Length"));
        received = Http1.discard(in, length, buf);
      } else {
        return exchange(socket, head, Http1.readSmallBody(head, in, SMALL_BODY_LIMIT), 0, start);
      }
      return exchange(socket, head, new byte[0], received, start);
    }
  }

  private Exchange exchange(
      SSLSocket socket, Http1.Head head, byte[] body, long bytes, long start) {
    long nanos = System.nanoTime() - start;
    var session = socket.getSession();
    return new Exchange(head, body, bytes, nanos, session.getProtocol(), session.getCipherSuite());
  }

  private SSLSocket connect() throws IOException {
    Socket raw = new Socket();
    try {
      raw.setTcpNoDelay(true);
      raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      SSLSocket socket =
          (SSLSocket) tls.getSocketFactory().createSocket(raw, "localhost", port, true);
      SSLParameters params = socket.getSSLParameters();
      params.setProtocols(new String[] {"TLSv1.3"});
      cipherSuite.ifPresent(s -> params.setCipherSuites(new String[] {s}));
      params.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(params);
      socket.startHandshake();
      return socket;
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static byte[] head(
      String method, String target, Map<String, String> headers, long contentLength) {
    StringBuilder b = new StringBuilder();
    b.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    b.append("Host: localhost\r\n");
    b.append("Connection: close\r\n");
    if (contentLength >= 0) {
      b.append("Content-Length: ").append(contentLength).append("\r\n");
    }
    headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
    return Http1.ascii(b.append("\r\n").toString());
  }
}
