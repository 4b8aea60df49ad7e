package io.cordon.server.web;

import static io.cordon.server.web.PathIds.fileId;

import io.cordon.audit.AuditEventCodec;
import io.cordon.audit.AuditExport;
import io.cordon.audit.AuditFilter;
import io.cordon.audit.AuditFilterParameters;
import io.cordon.audit.AuditPage;
import io.cordon.audit.AuditRecord;
import io.cordon.audit.AuditSearch;
import io.cordon.audit.ExportFormat;
import io.cordon.context.CordonException;
import io.cordon.context.RequestContext;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Audit search, export and a file's activity over HTTP. Thin: parameters become an {@link
 * AuditFilter} (whose validation names the bad parameter), the {@link AuditSearch} service decides,
 * reads and audits. Pages answer a JSON array of events in the event format (each with {@code seq}
 * and {@code leaf}); when a page was full, the {@code Link} header ({@code rel="next"}, RFC 8288)
 * and {@code Cordon-Next-From} give the keyset cursor of the next one. An unknown or repeated
 * parameter is refused rather than ignored, so a misspelt filter never silently widens a search.
 */
final class AuditRoutes {
  static final String NEXT_HEADER = "Cordon-Next-From";
  static final String COUNT_HEADER = "Cordon-Export-Count";
  private static final String LIMIT = "limit";
  private static final String FORMAT = "format";
  private static final int DEFAULT_LIMIT = 100;

  private final AuditSearch search;

  AuditRoutes(AuditSearch search) {
    this.search = search;
  }

  List<Route> routes(String v1) {
    return List.of(
        new Route(HandlerType.GET, v1 + "/audit/events", Access.AUTHENTICATED, this::events),
        new Route(HandlerType.GET, v1 + "/audit/export", Access.AUTHENTICATED, this::export),
        new Route(
            HandlerType.GET, v1 + "/files/{id}/activity", Access.AUTHENTICATED, this::activity));
  }

  private void events(Context http, RequestContext rc) {
    onlyKnown(http, Stream.concat(AuditFilterParameters.NAMES.stream(), Stream.of(LIMIT)));
    AuditFilter filter = AuditFilterParameters.parse(http::queryParam);
    page(http, search.events(rc, filter, limit(http)));
  }

  private void activity(Context http, RequestContext rc) {
    onlyKnown(http, Stream.of(AuditFilterParameters.FROM, LIMIT));
    String from = http.queryParam(AuditFilterParameters.FROM);
    long fromSeq = from == null ? 1 : AuditFilterParameters.seq(from, AuditFilterParameters.FROM);
    page(http, search.fileActivity(rc, fileId(http), fromSeq, limit(http)));
  }

  private void export(Context http, RequestContext rc) throws Exception {
    onlyKnown(http, Stream.concat(AuditFilterParameters.NAMES.stream(), Stream.of(FORMAT)));
    String format = http.queryParam(FORMAT);
    ExportFormat f = format == null ? ExportFormat.JSONL : ExportFormat.fromCode(format);
    AuditFilter filter = AuditFilterParameters.parse(http::queryParam);
    AuditExport export = search.export(rc, filter, f);
    http.status(200);
    http.contentType(f.mediaType());
    http.header(
        "Content-Disposition",
        "attachment; filename=\"cordon-audit-" + export.through() + "." + f.code() + "\"");
    http.header(COUNT_HEADER, Long.toString(export.count()));
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(http.res().getOutputStream(), StandardCharsets.UTF_8),
            64 * 1024);
    export.writeTo(out);
  }

  private static void page(Context http, AuditPage page) {
    page.next()
        .ifPresent(
            next -> {
              http.header(NEXT_HEADER, Long.toString(next));
              http.header("Link", "<" + nextUrl(http, next) + ">; rel=\"next\"");
            });
    http.contentType("application/json");
    StringBuilder out = new StringBuilder("[");
    List<AuditRecord> records = page.records();
    for (int i = 0; i < records.size(); i++) {
      out.append(i == 0 ? "" : ",").append(AuditEventCodec.exportJson(records.get(i)));
    }
    http.result(out.append(']').toString());
  }

  /** This request's path and parameters with {@code from} moved on to the cursor. */
  private static String nextUrl(Context http, long next) {
    Map<String, String> params = new TreeMap<>();
    http.queryParamMap().forEach((k, v) -> params.put(k, v.getFirst()));
    params.put(AuditFilterParameters.FROM, Long.toString(next));
    return http.path()
        + "?"
        + params.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void onlyKnown(Context http, Stream<String> known) {
    Set<String> allowed = known.collect(Collectors.toSet());
    for (Map.Entry<String, List<String>> p : new TreeMap<>(http.queryParamMap()).entrySet()) {
      if (!allowed.contains(p.getKey())) {
        throw new CordonException.InvalidInput(
            "unknown parameter '"
                + clip(p.getKey())
                + "'; known: "
                + String.join(", ", sorted(allowed)));
      }
      if (p.getValue().size() > 1) {
        throw new CordonException.InvalidInput("'" + p.getKey() + "' is given more than once");
      }
    }
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  /** A caller's parameter name, shortened and stripped of controls before it is echoed. */
  private static String clip(String name) {
    String printable =
        name.codePoints()
            .filter(c -> !Character.isISOControl(c))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
  }

  private static int limit(Context http) {
    String raw = http.queryParam(LIMIT);
    if (raw == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= AuditSearch.MAX_PAGE) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // one message below for every bad limit
    }
    throw new CordonException.InvalidInput(
        "'limit' must be a whole number between 1 and " + AuditSearch.MAX_PAGE);
  }
}
