package io.cordon.server.witness;

import io.cordon.audit.witness.Witness;
import io.cordon.audit.witness.WitnessTransport;
import io.cordon.context.CordonException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Sends tlog-witness {@code add-checkpoint} requests over HTTPS with the JDK client: bounded
 * connect and answer waits, answers read up to {@link #MAX_ANSWER} bytes, and the witness's API
 * token, if it needs one, as a bearer token. Thread-safe.
 */
final class HttpWitnessTransport implements WitnessTransport {
  /** Cosignature lines are short; a larger answer is not one. */
  static final int MAX_ANSWER = 64 * 1024;

  private final HttpClient http;
  private final Duration timeout;
  private final Map<String, String> tokens;

  /**
   * @param tokens the API token of each witness that needs one, by witness name
   */
  HttpWitnessTransport(SSLContext tls, Duration timeout, Map<String, String> tokens) {
    this.http =
        HttpClient.newBuilder()
            .sslContext(tls)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
    this.tokens = Map.copyOf(tokens);
  }

  @Override
  public Answer addCheckpoint(Witness witness, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint(witness.submissionPrefix()))
            .timeout(timeout)
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    String token = tokens.get(witness.name());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] answer = in.readNBytes(MAX_ANSWER);
        String type =
            response.headers().firstValue("Content-Type").orElse("").split(";", 2)[0].strip();
        return new Answer(response.statusCode(), type.toLowerCase(Locale.ROOT), answer);
      }
    } catch (IOException e) {
      throw new CordonException.Unavailable("cannot reach it: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CordonException.Unavailable("interrupted", e);
    }
  }

  private static URI endpoint(URI prefix) {
    String base = prefix.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "add-checkpoint");
  }
}
