package io.cordon.inspect.tika;

import io.cordon.inspect.Extraction.Status;
import io.cordon.inspect.ExtractionLimits;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.EmbeddedContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses the documents inside a document (archive entries, attachments, embedded objects) under the
 * run's limits: nesting depth and entry count, and the compression ratio over every byte that the
 * parts expand to. Each part is read to its end, so a part no parser wants (a block of zeros) still
 * counts. A part that is encrypted or cannot be parsed is recorded and the others go on; images,
 * audio, video and fonts are not parsed (no OCR). Used by one parser thread.
 */
final class BoundedEmbeddedExtractor implements EmbeddedDocumentExtractor {
  private final ParseRun run;
  private final AutoDetectParser parser;
  private final ParseContext context;
  private final LimitedInput source;
  private final TextSink sink;
  private int depth;
  private int entries;
  private long expanded;

  BoundedEmbeddedExtractor(
      ParseRun run,
      AutoDetectParser parser,
      ParseContext context,
      LimitedInput source,
      TextSink sink) {
    this.run = run;
    this.parser = parser;
    this.context = context;
    this.source = source;
    this.sink = sink;
  }

  @Override
  public boolean shouldParseEmbedded(Metadata metadata) {
    entries++;
    if (entries > run.limits.maxEntries()) {
      run.stop(
          Status.REJECTED,
          "more than " + run.limits.maxEntries() + " archive entries or embedded documents");
    }
    return !run.isStopped();
  }

  @Override
  public void parseEmbedded(
      InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
      throws SAXException, IOException {
    if (run.isStopped()) {
      throw new ParseRun.Stopped("stopped");
    }
    if (depth + 1 > run.limits.maxDepth()) {
      throw run.stopped(
          Status.REJECTED,
          "archives or embedded documents nested deeper than " + run.limits.maxDepth() + " levels");
    }
    depth++;
    Expansion part = new Expansion(stream);
    try (TemporaryResources tmp = Spool.resources()) {
      TikaInputStream tis = TikaInputStream.get(part, tmp, metadata);
      MediaType type = parser.getDetector().detect(tis, metadata);
      if (isTextless(type)) {
        return;
      }
      String name = metadata.get(org.apache.tika.metadata.TikaCoreProperties.RESOURCE_NAME_KEY);
      if (name != null) {
        // The entry's name is text too (a file called after a patient is a finding).
        char[] c = ("\n" + name + "\n").toCharArray();
        handler.ignorableWhitespace(c, 0, c.length);
      }
      parser.parse(
          tis, new EmbeddedContentHandler(new BodyContentHandler(handler)), metadata, context);
      run.noteSkippedParts(metadata);
      sink.metadata(metadata);
    } catch (EncryptedDocumentException e) {
      run.encryptedPart();
    } catch (Exception | StackOverflowError e) {
      if (run.isStopped()) {
        throw new ParseRun.Stopped("stopped");
      }
      if (e instanceof IOException && source.sourceFailure() != null) {
        throw (IOException) e;
      }
      run.unreadablePart(e.getClass().getSimpleName());
    } finally {
      try {
        part.drain();
      } finally {
        depth--;
      }
    }
  }

  private static boolean isTextless(MediaType type) {
    String t = type.getType().toLowerCase(Locale.ROOT);
    String sub = type.getSubtype().toLowerCase(Locale.ROOT);
    return t.equals("image")
        || t.equals("audio")
        || t.equals("video")
        || t.equals("font")
        || sub.contains("font");
  }

  /** Counts the bytes a part expands to and stops the run past the compression ratio. */
  private final class Expansion extends FilterInputStream {
    Expansion(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (run.isStopped()) {
        return -1;
      }
      int n = in.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[8192];
      long done = 0;
      while (done < n) {
        int r = read(buf, 0, (int) Math.min(buf.length, n - done));
        if (r < 0) {
          break;
        }
        done += r;
      }
      return done;
    }

    private void count(int n) throws IOException {
      expanded += n;
      long ratio = run.limits.maxCompressionRatio();
      if (expanded > ExtractionLimits.RATIO_THRESHOLD
          && expanded > ratio * Math.max(1, source.count())) {
        throw run.stopped(
            Status.REJECTED,
            "expands more than "
                + ratio
                + " times its size (a zip bomb): "
                + expanded
                + " bytes from "
                + source.count());
      }
    }

    /** Reads what the parser left, so every expanded byte is counted and bounded. */
    void drain() throws IOException {
      byte[] buf = new byte[8192];
      while (!run.isStopped() && read(buf, 0, buf.length) >= 0) {
        // counted in read
      }
    }

    @Override
    public void close() {}
  }
}
