package io.cordon.server.render;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The font Cordon writes into PDFs: Liberation Sans, as shipped inside PDFBox, embedded as a subset
 * (only the glyphs used), so names in Latin, Greek and Cyrillic scripts print as written; a
 * character it has no glyph for prints as '?'. Stateless.
 */
final class PdfFonts {
  private static final String LIBERATION_SANS =
      "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  private PdfFonts() {}

  /** The font, loaded into {@code doc} (a font belongs to one document). */
  static PDType0Font load(PDDocument doc) throws IOException {
    try (InputStream in = PDDocument.class.getResourceAsStream(LIBERATION_SANS)) {
      if (in == null) {
        throw new IllegalStateException("PDFBox's Liberation Sans font is missing");
      }
      return PDType0Font.load(doc, in);
    }
  }

  /** The text with every character the font cannot encode replaced by '?'. */
  static String printable(PDFont font, String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              String ch = new String(Character.toChars(cp));
              out.append(encodable(font, ch) ? ch : "?");
            });
    return out.toString();
  }

  static boolean encodable(PDFont font, String ch) {
    try {
      font.encode(ch);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The text, cut with an ellipsis where it would run past {@code width} points. */
  static String fit(PDFont font, float size, String text, float width) throws IOException {
    if (font.getStringWidth(text) / 1000 * size <= width) {
      return text;
    }
    String cut = text;
    while (!cut.isEmpty() && font.getStringWidth(cut + "…") / 1000 * size > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "…";
  }
}
