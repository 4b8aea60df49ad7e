package io.cordon.audit;

import io.cordon.context.CordonException;
import java.util.Locale;

/** The formats an audit export is written in. */
public enum ExportFormat {
  /** JSON Lines: one event per line in API.md's event format, with {@code leaf}. */
  JSONL("jsonl", "application/x-ndjson; charset=utf-8"),
  /** RFC 4180 CSV with a header row and a fixed column set ({@link AuditCsv#COLUMNS}). */
  CSV("csv", "text/csv; charset=utf-8; header=present");

  private final String code;
  private final String mediaType;

  ExportFormat(String code, String mediaType) {
    this.code = code;
    this.mediaType = mediaType;
  }

  public String code() {
    return code;
  }

  public String mediaType() {
    return mediaType;
  }

  /** Parses {@code jsonl} or {@code csv} (any case); anything else is bad input. */
  public static ExportFormat fromCode(String text) {
    String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
    for (ExportFormat f : values()) {
      if (f.code.equals(lower)) {
        return f;
      }
    }
    throw new CordonException.InvalidInput("'format' must be jsonl or csv");
  }
}
