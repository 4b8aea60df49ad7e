package io.cordon.server.render;

import io.cordon.context.CordonException;
import io.cordon.inspect.ContentExtractor;
import io.cordon.inspect.ExtractedText;
import io.cordon.inspect.Extraction;
import io.cordon.inspect.PlainTextExtractor;
import io.cordon.sharing.ViewRenderer;
import io.cordon.sharing.Watermark;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * Renders views with Apache PDFBox: a PDF keeps its pages, UTF-8 text is typeset ({@link
 * TextTypesetter}); then every page gets the viewer's {@link Watermark} line tiled diagonally in
 * translucent grey across the page and once in the footer. The font is Liberation Sans as PDFBox
 * ships it, embedded as a subset, so most Latin, Greek and Cyrillic text shows; other characters
 * print as '?'. Other documents (Office, OpenDocument, RTF, HTML, e-mail) have no layout converter
 * in this build: their text, as the {@link ContentExtractor} gives it under the inspection limits,
 * is typeset instead (issue 4, item 5). Encrypted PDFs and content without text are refused.
 * Stateless and thread-safe.
 */
public final class PdfBoxViewRenderer implements ViewRenderer {
  private static final float MARK_SIZE = 16;
  private static final float FOOTER_SIZE = 7;
  private static final float TILE = 170;

  /** Most characters of a document's text typeset into a view (about a thousand pages). */
  public static final int MAX_VIEW_CHARS = 4_000_000;

  private final ContentExtractor extractor;

  /** A renderer for PDF and UTF-8 text only (no document parser). */
  public PdfBoxViewRenderer() {
    this(new PlainTextExtractor());
  }

  /** A renderer that shows other documents through {@code extractor}'s text. */
  public PdfBoxViewRenderer(ContentExtractor extractor) {
    this.extractor = extractor;
  }

  @Override
  public byte[] render(byte[] content, String fileName, Watermark watermark, OptionalInt page) {
    try (PDDocument doc = isPdf(content) ? Pdfs.open(content, "viewed") : new PDDocument()) {
      PDType0Font font = PdfFonts.load(doc);
      if (!isPdf(content)) {
        new TextTypesetter(font).typeset(doc, text(content, fileName));
      }
      if (page.isPresent()) {
        keepOnly(doc, page.getAsInt());
      }
      String line = TextTypesetter.printable(font, watermark.line());
      for (PDPage p : doc.getPages()) {
        stamp(doc, p, font, line);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 64 * 1024);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the view", e);
    }
  }

  static boolean isPdf(byte[] content) {
    return content.length >= 5
        && new String(content, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
  }

  /**
   * UTF-8 text as it is; anything with NUL bytes (an Office document, an image) through the
   * extractor, refused when it gives no text.
   */
  private String text(byte[] content, String fileName) {
    boolean binary = false;
    for (byte b : content) {
      if (b == 0) {
        binary = true;
        break;
      }
    }
    if (!binary) {
      return new String(content, StandardCharsets.UTF_8);
    }
    ExtractedText text;
    try {
      text = extractor.text(new ByteArrayInputStream(content), fileName, MAX_VIEW_CHARS);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the content to view", e);
    }
    if (text.status() == Extraction.Status.UNSCANNABLE
        || text.status() == Extraction.Status.REJECTED
        || text.text().isBlank()) {
      throw new CordonException.UnsupportedMedia(
          "this file cannot be viewed: "
              + (text.detail().isEmpty() ? "it has no text" : text.detail()));
    }
    return text.text();
  }

  private static void keepOnly(PDDocument doc, int page) {
    int count = doc.getNumberOfPages();
    if (page < 1 || page > count) {
      throw new CordonException.NotFound("no page " + page + " (the view has " + count + ")");
    }
    for (int i = count - 1; i >= 0; i--) {
      if (i != page - 1) {
        doc.removePage(i);
      }
    }
  }

  private static void stamp(PDDocument doc, PDPage page, PDType0Font font, String line)
      throws IOException {
    PDRectangle box = page.getCropBox();
    PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
    translucent.setNonStrokingAlphaConstant(0.18f);
    try (PDPageContentStream s =
        new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
      s.saveGraphicsState();
      s.setGraphicsStateParameters(translucent);
      s.setNonStrokingColor(0.4f, 0.4f, 0.4f);
      float cos = (float) Math.cos(Math.PI / 4);
      float sin = (float) Math.sin(Math.PI / 4);
      for (float y = box.getLowerLeftY() - box.getWidth(); y < box.getUpperRightY(); y += TILE) {
        s.beginText();
        s.setFont(font, MARK_SIZE);
        s.setTextMatrix(new Matrix(cos, sin, -sin, cos, box.getLowerLeftX(), y));
        s.showText(line);
        s.endText();
      }
      s.restoreGraphicsState();
      s.beginText();
      s.setFont(font, FOOTER_SIZE);
      s.setNonStrokingColor(0.2f, 0.2f, 0.2f);
      s.newLineAtOffset(box.getLowerLeftX() + 36, box.getLowerLeftY() + 14);
      s.showText(PdfFonts.fit(font, FOOTER_SIZE, line, box.getWidth() - 72));
      s.endText();
    }
  }
}
