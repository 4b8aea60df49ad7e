package io.cordon.server.render;

import io.cordon.audit.signature.ManifestSheet;
import io.cordon.audit.signature.SignatureStamp;
import io.cordon.audit.signature.VerifiedSignature;
import io.cordon.content.FileVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Stamps a PDF with Apache PDFBox: the footer of {@link ManifestSheet#footer} at the bottom of
 * every page, and the lines of {@link ManifestSheet#manifest} on a new last page, in {@link
 * PdfFonts}' embedded font, so printed names keep their letters (11.50(a)(1)). Encrypted PDFs are
 * refused rather than decrypted and rewritten. Stateless and thread-safe.
 */
public final class PdfBoxSignatureStamp implements SignatureStamp {
  private static final float FOOTER_SIZE = 7;
  private static final float BODY_SIZE = 9;
  private static final float MARGIN = 36;
  private static final float LEADING = BODY_SIZE * 1.5f;

  @Override
  public byte[] stamp(
      byte[] pdf, String fileName, FileVersion version, List<VerifiedSignature> signatures) {
    try (PDDocument doc = Pdfs.open(pdf, "stamped")) {
      PDFont font = PdfFonts.load(doc);
      List<String> lines = ManifestSheet.manifest(fileName, version, signatures);
      int perPage = (int) ((PDRectangle.A4.getHeight() - 3 * MARGIN) / LEADING);
      for (int from = 0; from < lines.size(); from += perPage) {
        PDPage sheet = new PDPage(PDRectangle.A4);
        doc.addPage(sheet);
        manifestPage(doc, sheet, font, lines.subList(from, Math.min(lines.size(), from + perPage)));
      }
      String footer = ManifestSheet.footer(signatures);
      for (PDPage page : doc.getPages()) {
        footer(doc, page, font, footer);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16 * 1024);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the stamped PDF", e);
    }
  }

  private static void footer(PDDocument doc, PDPage page, PDFont font, String text)
      throws IOException {
    PDRectangle box = page.getCropBox();
    float width = box.getWidth() - 2 * MARGIN;
    String line = PdfFonts.printable(font, text);
    if (line.endsWith(ManifestSheet.SEE_MANIFEST)) {
      // Cut the names, never the pointer to the manifest page.
      String names = line.substring(0, line.length() - ManifestSheet.SEE_MANIFEST.length());
      float suffix = font.getStringWidth(ManifestSheet.SEE_MANIFEST) / 1000 * FOOTER_SIZE;
      line = PdfFonts.fit(font, FOOTER_SIZE, names, width - suffix) + ManifestSheet.SEE_MANIFEST;
    }
    try (PDPageContentStream s =
        new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
      s.beginText();
      s.setFont(font, FOOTER_SIZE);
      s.newLineAtOffset(box.getLowerLeftX() + MARGIN, box.getLowerLeftY() + 14);
      s.showText(line);
      s.endText();
    }
  }

  private static void manifestPage(PDDocument doc, PDPage page, PDFont font, List<String> lines)
      throws IOException {
    PDRectangle box = page.getMediaBox();
    float width = box.getWidth() - 2 * MARGIN;
    try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
      s.beginText();
      s.setFont(font, BODY_SIZE);
      s.setLeading(LEADING);
      s.newLineAtOffset(MARGIN, box.getHeight() - MARGIN);
      for (String line : lines) {
        s.showText(PdfFonts.fit(font, BODY_SIZE, PdfFonts.printable(font, line), width));
        s.newLine();
      }
      s.endText();
    }
  }
}
