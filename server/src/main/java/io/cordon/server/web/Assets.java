package io.cordon.server.web;

import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web UI's static files (its own CSS and JavaScript, vendored htmx), served from the jar under
 * {@code /assets/{hash}/{name}}, where the hash is the start of the file's SHA-256: a changed file
 * gets a new address, so every answer may be cached for a year as immutable. Nothing is fetched
 * from a third party at run time. Loaded once at start; immutable and thread-safe.
 */
final class Assets {
  static final String BASE = "/assets";
  private static final String ROOT = "/web/assets/";
  private static final Map<String, String> TYPES =
      Map.of(
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "txt", "text/plain; charset=utf-8");
  private static final List<String> NAMES =
      List.of("app.css", "app.js", "htmx.min.js", "htmx.LICENSE.txt", "favicon.svg");

  private record Asset(String hash, byte[] bytes, String type) {}

  private final Map<String, Asset> byName = new LinkedHashMap<>();

  Assets() {
    for (String name : NAMES) {
      byte[] bytes = read(name);
      String ext = name.substring(name.lastIndexOf('.') + 1);
      byName.put(name, new Asset(hash(bytes), bytes, TYPES.get(ext)));
    }
  }

  /** The cache-busting address of an asset; unknown names are a programming error. */
  String url(String name) {
    Asset a = byName.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no asset " + name);
    }
    return BASE + "/" + a.hash() + "/" + name;
  }

  Route route() {
    return new Route(HandlerType.GET, BASE + "/{hash}/{name}", Access.PUBLIC, this::serve);
  }

  private void serve(Context http, RequestContext rc) {
    Asset a = byName.get(http.pathParam("name"));
    if (a == null || !a.hash().equals(http.pathParam("hash"))) {
      throw new CordonException.NotFound("no such asset");
    }
    http.header("Cache-Control", "public, max-age=31536000, immutable");
    http.contentType(a.type());
    http.result(a.bytes());
  }

  private static byte[] read(String name) {
    try (InputStream in = Assets.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("asset missing from the jar: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
