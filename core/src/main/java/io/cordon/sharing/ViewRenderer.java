package io.cordon.sharing;

import java.util.OptionalInt;

/**
 * Port: renders a file as a PDF for viewing, with a {@link Watermark} on every page. PDF sources
 * keep their pages; text is typeset. Adapters hold the document in memory, so callers bound its
 * size. Thread-safe.
 */
public interface ViewRenderer {
  /**
   * @param content the version's exact bytes
   * @param page only this page (1-based) when present
   * @throws io.cordon.context.CordonException.UnsupportedMedia if the content cannot be rendered
   * @throws io.cordon.context.CordonException.NotFound if there is no such page
   */
  byte[] render(byte[] content, String fileName, Watermark watermark, OptionalInt page);
}
