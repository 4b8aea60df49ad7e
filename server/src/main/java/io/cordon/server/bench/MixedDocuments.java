package io.cordon.server.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The mixed document set of {@code cordon bench inspect}: generated text cut into pieces, each
 * written as a PDF, DOCX, XLSX, HTML page or a zip holding a text file and a DOCX, in turn, with
 * the real libraries (PDFBox, POI, java.util.zip). Not thread-safe; used once per run.
 */
final class MixedDocuments {
  private static final int LINE = 90;
  private static final int LINES_PER_PAGE = 50;

  /** One generated document and the characters of text it holds. */
  record Document(String name, byte[] bytes, long textChars) {}

  private MixedDocuments() {}

  static List<Document> generate(char[] text, int pieceChars) throws IOException {
    List<Document> docs = new ArrayList<>();
    for (int at = 0, n = 0; at < text.length; at += pieceChars, n++) {
      String piece = new String(text, at, Math.min(pieceChars, text.length - at));
      docs.add(
          switch (n % 5) {
            case 0 -> new Document("doc" + n + ".pdf", pdf(piece), piece.length());
            case 1 -> new Document("doc" + n + ".docx", docx(piece), piece.length());
            case 2 -> new Document("doc" + n + ".xlsx", xlsx(piece), piece.length());
            case 3 -> new Document("doc" + n + ".html", html(piece), piece.length());
            default -> new Document("doc" + n + ".zip", zip(piece), piece.length());
          });
    }
    return docs;
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String para : text.split("\n")) {
      for (int i = 0; i < para.length(); i += LINE) {
        lines.add(para.substring(i, Math.min(para.length(), i + LINE)));
      }
    }
    return lines;
  }

  static byte[] pdf(String text) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      List<String> lines = lines(text);
      for (int from = 0; from < lines.size(); from += LINES_PER_PAGE) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
          s.beginText();
          s.setFont(font, 8);
          s.setLeading(13);
          s.newLineAtOffset(36, 740);
          for (String line : lines.subList(from, Math.min(lines.size(), from + LINES_PER_PAGE))) {
            s.showText(line);
            s.newLine();
          }
          s.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] docx(String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String para : text.split("\n")) {
        doc.createParagraph().createRun().setText(para);
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  static byte[] xlsx(String text) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = book.createSheet("data");
      int r = 0;
      for (String line : lines(text)) {
        sheet.createRow(r++).createCell(0).setCellValue(line);
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  static byte[] html(String text) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html><html><body>\n");
    for (String para : text.split("\n")) {
      h.append("<p>")
          .append(para.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
          .append("</p>\n");
    }
    return h.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] zip(String text) throws IOException {
    int half = text.length() / 2;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("notes.txt"));
      zip.write(text.substring(0, half).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("report.docx"));
      zip.write(docx(text.substring(half)));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
