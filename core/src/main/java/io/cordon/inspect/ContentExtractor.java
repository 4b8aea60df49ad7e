package io.cordon.inspect;

import java.io.IOException;
import java.io.InputStream;

/**
 * Port: turns a file's bytes into the text that inspection reads, and inspects it. Adapters decide
 * which formats they understand; whatever they cannot read gets a verdict ({@link
 * Extraction.Status#UNSCANNABLE} or {@link Extraction.Status#REJECTED}), never an exception for bad
 * content. Implementations are thread-safe and keep memory bounded whatever the input.
 */
public interface ContentExtractor {

  /**
   * Extracts the text of {@code content} and runs {@code inspector} over it as it streams.
   *
   * @param content the file's bytes; read at most once, not closed
   * @param fileName the name the uploader gave (a hint only: the bytes decide the format)
   * @param inspector the detectors to run over the extracted text
   * @throws IOException only when {@code content} itself cannot be read (storage failure)
   */
  Extraction extract(InputStream content, String fileName, Inspector inspector) throws IOException;

  /**
   * The text of {@code content} for display (the viewer), under the same limits as {@link
   * #extract}, cut at {@code maxChars}. Adapters without a document parser give none.
   *
   * @param content the file's bytes; read at most once, not closed
   * @param fileName the name the uploader gave (a hint only)
   * @param maxChars the most characters to return; more text makes the result truncated
   * @throws IOException only when {@code content} itself cannot be read
   */
  default ExtractedText text(InputStream content, String fileName, int maxChars)
      throws IOException {
    return new ExtractedText(
        Extraction.Status.UNSCANNABLE,
        "application/octet-stream",
        "no document parser configured",
        "");
  }
}
