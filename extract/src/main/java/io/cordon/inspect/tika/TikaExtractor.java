package io.cordon.inspect.tika;

import io.cordon.inspect.ContentExtractor;
import io.cordon.inspect.ExtractedText;
import io.cordon.inspect.Extraction;
import io.cordon.inspect.Extraction.Status;
import io.cordon.inspect.ExtractionLimits;
import io.cordon.inspect.Inspector;
import io.cordon.inspect.TextInspection;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The {@link ContentExtractor} on Apache Tika: PDF, Office (OOXML and OLE2), OpenDocument, RTF,
 * HTML, XML, e-mail (RFC 822, mbox, Outlook .msg) and archives (zip, tar, gzip, bzip2, 7z) nested
 * to {@link ExtractionLimits#maxDepth}; plain text and CSV are read as UTF-8 directly, so offsets
 * are the file's own and malformed sequences are counted. The bytes decide the format; the name is
 * a hint that never overrides them.
 *
 * <p>Safe by construction: only the parser modules on the classpath (no OCR, no external processes,
 * no network), Tika's and POI's hardened XML readers (no external entities), no macro extraction,
 * no password provider (encrypted stays {@link Status#UNSCANNABLE}).
 *
 * <p>Each file is parsed on a thread of its own and its text flows through a bounded {@link
 * TextPipe} to the caller's thread, which inspects it: memory stays bounded for any length. At the
 * deadline the caller stops waiting, the parser's next read sees the end of its input and its next
 * write fails, and it is interrupted; a parser that still runs (a loop that neither reads nor
 * writes) is abandoned as a daemon thread and counted in {@link #abandonedParsers()}, so no caller
 * ever waits past the deadline. Thread-safe.
 */
public final class TikaExtractor implements ContentExtractor {
  private static final Set<String> PLAIN_TEXT =
      Set.of("text/plain", "text/csv", "text/tab-separated-values");
  private static final long JOIN_GRACE_MILLIS = 2_000;
  private static final AtomicLong ABANDONED = new AtomicLong();

  private final ExtractionLimits limits;
  private final AutoDetectParser parser;
  private final MediaTypeRegistry registry;

  /**
   * Builds the parser (service-loads Tika's parsers: about a second the first time in a JVM).
   * Callers that may never extract build it lazily ({@link #lazily}).
   */
  public TikaExtractor(ExtractionLimits limits) {
    this.limits = limits;
    this.parser = new AutoDetectParser();
    AutoDetectParserConfig config = new AutoDetectParserConfig();
    // Tika's own guard on the output/input ratio, behind this adapter's (which counts bytes).
    config.setOutputThreshold(ExtractionLimits.RATIO_THRESHOLD);
    config.setMaximumCompressionRatio(limits.maxCompressionRatio());
    config.setMaximumPackageEntryDepth(limits.maxDepth() + 1);
    parser.setAutoDetectParserConfig(config);
    this.registry = parser.getMediaTypeRegistry();
    // POI reads OOXML's inner zip itself, with its own zip-bomb guard; that guard is process-wide
    // (one configuration per process, so the last extractor built sets it).
    ZipSecureFile.setMinInflateRatio(1.0 / limits.maxCompressionRatio());
  }

  /** An extractor built on its first use, for a node that may never need one. */
  public static ContentExtractor lazily(ExtractionLimits limits) {
    return new ContentExtractor() {
      private volatile TikaExtractor built;

      private TikaExtractor get() {
        TikaExtractor t = built;
        if (t == null) {
          synchronized (this) {
            t = built;
            if (t == null) {
              t = new TikaExtractor(limits);
              built = t;
            }
          }
        }
        return t;
      }

      @Override
      public Extraction extract(InputStream content, String fileName, Inspector inspector)
          throws IOException {
        return get().extract(content, fileName, inspector);
      }

      @Override
      public ExtractedText text(InputStream content, String fileName, int maxChars)
          throws IOException {
        return get().text(content, fileName, maxChars);
      }
    };
  }

  public ExtractionLimits limits() {
    return limits;
  }

  /** Parser threads that outlived their deadline and were left to end on their own. */
  public static long abandonedParsers() {
    return ABANDONED.get();
  }

  @Override
  public Extraction extract(InputStream content, String fileName, Inspector inspector)
      throws IOException {
    Outcome<TextInspection> o = run(content, fileName, inspector::inspectUtf8, inspector::inspect);
    return new Extraction(o.status, o.mediaType, o.detail, Optional.ofNullable(o.value));
  }

  @Override
  public ExtractedText text(InputStream content, String fileName, int maxChars) throws IOException {
    boolean[] cut = {false};
    Outcome<String> o =
        run(
            content,
            fileName,
            in -> readUpTo(new InputStreamReader(in, StandardCharsets.UTF_8), maxChars, cut),
            reader -> readUpTo(reader, maxChars, cut));
    Status status = o.status;
    String detail = o.detail;
    if (cut[0] && status == Status.COMPLETE) {
      status = Status.TRUNCATED;
      detail = "text cut at " + maxChars + " characters for display";
    }
    return new ExtractedText(status, o.mediaType, detail, o.value == null ? "" : o.value);
  }

  private static String readUpTo(Reader in, int maxChars, boolean[] cut) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buf = new char[8192];
    int n;
    while ((n = in.read(buf)) >= 0) {
      int room = maxChars - text.length();
      if (n > room) {
        text.append(buf, 0, room);
        cut[0] = true;
        break;
      }
      text.append(buf, 0, n);
    }
    return text.toString();
  }

  /** Reads a text's bytes or characters into a result. */
  @FunctionalInterface
  private interface TextReader<T, I> {
    T read(I in) throws IOException;
  }

  private record Outcome<T>(Status status, String mediaType, String detail, T value) {}

  private <T> Outcome<T> run(
      InputStream content,
      String fileName,
      TextReader<T, InputStream> utf8,
      TextReader<T, Reader> chars)
      throws IOException {
    ParseRun run = new ParseRun(limits);
    LimitedInput in = new LimitedInput(content, run);
    Metadata metadata = new Metadata();
    if (fileName != null && !fileName.isBlank()) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    }
    try (TemporaryResources tmp = Spool.resources()) {
      TikaInputStream tis = TikaInputStream.get(in, tmp, metadata);
      MediaType type;
      try {
        type = parser.getDetector().detect(tis, metadata);
      } catch (IOException e) {
        if (in.sourceFailure() != null) {
          throw in.sourceFailure();
        }
        return new Outcome<>(
            Status.REJECTED, "application/octet-stream", "format could not be detected", null);
      }
      String mediaType = type.getBaseType().toString();
      if (PLAIN_TEXT.contains(mediaType)) {
        T value = utf8.read(tis);
        return finish(run, in, mediaType, null, value);
      }
      if (!hasParser(type)) {
        return new Outcome<>(
            Status.UNSCANNABLE,
            mediaType,
            "no text can be extracted from " + mediaType + " (format not supported)",
            null);
      }
      return parse(run, in, tis, metadata, mediaType, chars);
    }
  }

  private <T> Outcome<T> parse(
      ParseRun run,
      LimitedInput in,
      TikaInputStream tis,
      Metadata metadata,
      String mediaType,
      TextReader<T, Reader> chars)
      throws IOException {
    TextPipe pipe = new TextPipe(run);
    TextSink sink = new TextSink(pipe, run);
    ParseContext context = context(run, in, sink);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread parsing =
        Thread.ofPlatform()
            .daemon()
            .name("cordon-tika-parse")
            .start(
                () -> {
                  try {
                    parser.parse(tis, new BodyContentHandler(sink), metadata, context);
                    run.noteSkippedParts(metadata);
                    sink.metadata(metadata);
                  } catch (Throwable t) {
                    failure.set(t);
                  } finally {
                    pipe.finish();
                  }
                });
    T value;
    try {
      value = chars.read(pipe);
    } finally {
      pipe.close();
    }
    if (!awaitParser(parsing, run)) {
      run.stop(Status.TRUNCATED, "time limit of " + limits.timeout().toSeconds() + " s reached");
    }
    return finish(run, in, mediaType, failure.get(), value);
  }

  private ParseContext context(ParseRun run, LimitedInput in, TextSink sink) {
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    context.set(
        EmbeddedDocumentExtractor.class,
        new BoundedEmbeddedExtractor(run, parser, context, in, sink));
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    pdf.setExtractInlineImages(false);
    pdf.setExtractAnnotationText(true);
    pdf.setExtractAcroFormContent(true);
    context.set(PDFParserConfig.class, pdf);
    OfficeParserConfig office = new OfficeParserConfig();
    office.setExtractMacros(false);
    context.set(OfficeParserConfig.class, office);
    return context;
  }

  /** Waits for the parser to end; false when it outlived the deadline and was abandoned. */
  private static boolean awaitParser(Thread parsing, ParseRun run) {
    try {
      long wait = Math.max(0, TimeUnit.NANOSECONDS.toMillis(run.nanosLeft())) + JOIN_GRACE_MILLIS;
      if (parsing.join(java.time.Duration.ofMillis(wait))) {
        return true;
      }
      parsing.interrupt();
      if (parsing.join(java.time.Duration.ofMillis(JOIN_GRACE_MILLIS))) {
        return true;
      }
      ABANDONED.incrementAndGet();
      return false;
    } catch (InterruptedException e) {
      parsing.interrupt();
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static <T> Outcome<T> finish(
      ParseRun run, LimitedInput in, String mediaType, Throwable failure, T value)
      throws IOException {
    ParseRun.Stop stop = run.stop();
    // A read that failed after a stop (an interrupted read at the deadline) is its consequence.
    if (in.sourceFailure() != null && stop == null) {
      throw in.sourceFailure();
    }
    if (stop != null) {
      return new Outcome<>(stop.status(), mediaType, stop.detail(), value);
    }
    if (failure != null) {
      return new Outcome<>(failed(failure), mediaType, failureDetail(mediaType, failure), value);
    }
    if (run.encryptedParts() > 0) {
      return new Outcome<>(
          Status.UNSCANNABLE,
          mediaType,
          run.encryptedParts() + " encrypted part(s) could not be read; the rest was inspected",
          value);
    }
    String unreadable = run.unreadableParts();
    if (unreadable != null) {
      return new Outcome<>(Status.TRUNCATED, mediaType, unreadable, value);
    }
    return new Outcome<>(Status.COMPLETE, mediaType, "", value);
  }

  private static Status failed(Throwable failure) {
    return isEncrypted(failure) ? Status.UNSCANNABLE : Status.REJECTED;
  }

  private static boolean isEncrypted(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof EncryptedDocumentException
          || c instanceof org.apache.poi.EncryptedDocumentException) {
        return true;
      }
    }
    return false;
  }

  /** Names the kind of failure only: exception messages may quote the file's content. */
  private static String failureDetail(String mediaType, Throwable failure) {
    if (isEncrypted(failure)) {
      return "encrypted (password-protected) " + mediaType;
    }
    for (Throwable c = failure; c != null; c = c.getCause()) {
      String m = c.getMessage();
      if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
        return "expands more than allowed (a zip bomb)";
      }
    }
    return "malformed " + mediaType + ": could not be parsed (" + rootCause(failure) + ")";
  }

  private static String rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getClass().getSimpleName();
  }

  private boolean hasParser(MediaType type) {
    var parsers = parser.getParsers();
    for (MediaType t = type; t != null; t = registry.getSupertype(t)) {
      if (t.equals(MediaType.OCTET_STREAM)) {
        return false;
      }
      if (parsers.containsKey(t)) {
        return true;
      }
    }
    return false;
  }
}
