package io.cordon.server.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Typesets plain text onto A4 pages: lines wrap at word boundaries (a word longer than a line is
 * cut), tabs become four spaces, control characters are dropped, characters the font lacks print as
 * '?', and pages follow as needed, leaving room for the watermark footer. Not thread-safe (one per
 * document).
 */
final class TextTypesetter {
  private static final float SIZE = 10;
  private static final float LEADING = 13;
  private static final float MARGIN = 50;
  private static final float FOOTER_ROOM = 30;

  private final PDFont font;

  TextTypesetter(PDFont font) {
    this.font = font;
  }

  void typeset(PDDocument doc, String text) throws IOException {
    PDRectangle a4 = PDRectangle.A4;
    float width = a4.getWidth() - 2 * MARGIN;
    List<String> lines = new ArrayList<>();
    Map<Integer, Boolean> known = new HashMap<>();
    for (String raw : text.split("\r?\n", -1)) {
      wrap(clean(font, raw.replace("\t", "    "), known), width, lines);
    }
    int perPage = (int) ((a4.getHeight() - 2 * MARGIN - FOOTER_ROOM) / LEADING);
    for (int from = 0; from < Math.max(1, lines.size()); from += perPage) {
      PDPage page = new PDPage(a4);
      doc.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.beginText();
        s.setFont(font, SIZE);
        s.setLeading(LEADING);
        s.newLineAtOffset(MARGIN, a4.getHeight() - MARGIN);
        for (String line : lines.subList(from, Math.min(lines.size(), from + perPage))) {
          s.showText(line);
          s.newLine();
        }
        s.endText();
      }
    }
  }

  private void wrap(String line, float width, List<String> out) throws IOException {
    if (line.isEmpty()) {
      out.add("");
      return;
    }
    String rest = line;
    while (!rest.isEmpty()) {
      if (width(rest) <= width) {
        out.add(rest);
        return;
      }
      int cut = fitting(rest, width);
      int space = rest.lastIndexOf(' ', cut);
      int end = space > 0 ? space : cut;
      out.add(rest.substring(0, end));
      rest = rest.substring(end).stripLeading();
    }
  }

  /** The longest prefix length (at least one character) that fits the width. */
  private int fitting(String s, float width) throws IOException {
    int lo = 1;
    int hi = s.length();
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (Character.isLowSurrogate(s.charAt(mid - 1)) || width(s.substring(0, mid)) <= width) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return Character.isHighSurrogate(s.charAt(lo - 1)) && lo < s.length() ? lo + 1 : lo;
  }

  private float width(String s) throws IOException {
    return font.getStringWidth(s) / 1000 * SIZE;
  }

  /** The text with control characters dropped and unshowable ones replaced by '?'. */
  static String printable(PDFont font, String text) {
    return clean(font, text, new HashMap<>());
  }

  private static String clean(PDFont font, String text, Map<Integer, Boolean> known) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(cp -> !Character.isISOControl(cp))
        .forEach(
            cp -> {
              boolean ok =
                  known.computeIfAbsent(
                      cp, c -> PdfFonts.encodable(font, new String(Character.toChars(c))));
              out.appendCodePoint(ok ? cp : '?');
            });
    return out.toString();
  }
}
