package io.cordon.server.robust;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * An upload written by hand over TLS, so that a test controls exactly how many body bytes leave and
 * how the connection ends: a misbehaving client that promises {@code Content-Length} bytes and then
 * goes away. Not thread-safe.
 */
final class RawUpload implements AutoCloseable {
  private final Socket tcp;
  private final SSLSocket tls;
  private final OutputStream out;
  private long sent;

  private RawUpload(Socket tcp, SSLSocket tls) throws IOException {
    this.tcp = tcp;
    this.tls = tls;
    this.out = tls.getOutputStream();
  }

  /** Connects, completes the TLS handshake and sends the request head announcing the length. */
  static RawUpload begin(Client client, String workspace, String name, long contentLength)
      throws IOException {
    Socket tcp = new Socket();
    tcp.connect(new InetSocketAddress("127.0.0.1", client.port), 10_000);
    SSLSocket tls =
        (SSLSocket) client.tls.getSocketFactory().createSocket(tcp, "localhost", client.port, true);
    SSLParameters params = tls.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(params);
    tls.startHandshake();
    RawUpload upload = new RawUpload(tcp, tls);
    StringBuilder head = new StringBuilder();
    head.append("POST ")
        .append(Client.uploadPath(workspace, name))
        .append(" HTTP/1.1\r\n")
        .append("Host: localhost:")
        .append(client.port)
        .append("\r\n")
        .append("Content-Type: application/octet-stream\r\n")
        .append("Content-Length: ")
        .append(contentLength)
        .append("\r\n");
    for (Map.Entry<String, String> h : client.credentials().entrySet()) {
      head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    head.append("\r\n");
    upload.out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    upload.out.flush();
    return upload;
  }

  /** Sends the next {@code count} bytes of {@code body}. */
  RawUpload send(InputStream body, long count) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long left = count;
    while (left > 0) {
      int n = body.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new IOException("body ended early");
      }
      out.write(buf, 0, n);
      left -= n;
      sent += n;
    }
    out.flush();
    return this;
  }

  long sent() {
    return sent;
  }

  /**
   * Vanishes as a crashed client or a dropped network path does: no TLS close, the TCP connection
   * reset (RST) at once.
   */
  void reset() throws IOException {
    tcp.setSoLinger(true, 0);
    tcp.close();
  }

  /** Ends the connection politely (TLS close_notify, then FIN) although the body is incomplete. */
  void hangUp() throws IOException {
    tls.close();
  }

  @Override
  public void close() throws IOException {
    tcp.close();
  }
}
