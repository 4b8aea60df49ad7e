package io.cordon.inspect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The extractor for installations without a document parser: UTF-8 (or ASCII) text is inspected as
 * it streams; anything that looks binary is {@link Extraction.Status#UNSCANNABLE}. Text is told
 * from binary by the first 8 KiB: a NUL byte means binary, as {@code file(1)} and git decide.
 */
public final class PlainTextExtractor implements ContentExtractor {
  private static final int SNIFF = 8192;

  @Override
  public Extraction extract(InputStream content, String fileName, Inspector inspector)
      throws IOException {
    BufferedInputStream in = new BufferedInputStream(content, SNIFF);
    in.mark(SNIFF);
    byte[] head = in.readNBytes(SNIFF);
    in.reset();
    for (byte b : head) {
      if (b == 0) {
        return Extraction.unscannable(
            "application/octet-stream", "binary content and no document parser configured");
      }
    }
    return Extraction.complete("text/plain", inspector.inspectUtf8(in));
  }
}
