package io.cordon.audit;

import java.io.IOException;
import java.io.Writer;

/**
 * An authorised, already audited export: what it will hold, and the means to write it once. It
 * holds exactly the events that matched when it was authorised ({@code count}, none after {@code
 * through}), so its own audit event and anything appended while it streams stay out of it.
 */
public final class AuditExport {
  private final ExportFormat format;
  private final long count;
  private final long through;
  private final Streaming streaming;

  AuditExport(ExportFormat format, long count, long through, Streaming streaming) {
    this.format = format;
    this.count = count;
    this.through = through;
    this.streaming = streaming;
  }

  public ExportFormat format() {
    return format;
  }

  /** How many events the export holds. */
  public long count() {
    return count;
  }

  /** The newest sequence number it may hold: the trail's head when it was authorised. */
  public long through() {
    return through;
  }

  /** Writes the events, page by page; call once. The writer is flushed, not closed. */
  public void writeTo(Writer out) throws IOException {
    streaming.write(out);
  }

  /** The streaming step, supplied by the service. */
  @FunctionalInterface
  interface Streaming {
    void write(Writer out) throws IOException;
  }
}
