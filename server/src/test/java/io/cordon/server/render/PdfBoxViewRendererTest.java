package io.cordon.server.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.context.CordonException;
import io.cordon.inspect.ExtractionLimits;
import io.cordon.inspect.tika.TikaExtractor;
import io.cordon.sharing.ShareId;
import io.cordon.sharing.Watermark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Watermarked views, checked by reading the rendered PDF back with PDFBox's text extraction. */
class PdfBoxViewRendererTest {
  private static final Watermark MARK =
      new Watermark(
          "Jörg Ångström",
          "qa@sponsor.example",
          Instant.parse("2026-11-23T15:00:07.5Z"),
          Optional.of(new ShareId("sh_abcdefghjkmnpqrstvwx")));

  private final PdfBoxViewRenderer renderer = new PdfBoxViewRenderer();

  @Test
  void render_longUtf8Text_wrapsPaginatesAndWatermarksEveryPage() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 150; i++) {
      text.append("Zeile ").append(i).append(": Prüfbericht Charge 7 — ");
      text.append("ein sehr langer Satz ohne Ende ".repeat(i % 7 == 0 ? 12 : 1)).append('\n');
    }
    text.append("x".repeat(400)).append("\tend\n");

    byte[] pdf =
        renderer.render(
            text.toString().getBytes(StandardCharsets.UTF_8),
            "report.txt",
            MARK,
            OptionalInt.empty());

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(2);
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        assertThat(pageText(doc, p))
            .as("page %d", p)
            .contains("qa@sponsor.example")
            .contains("Jörg Ångström")
            .contains("2026-11-23 15:00:07 UTC")
            .contains("share sh_abcdefghjkmnpqrstvwx");
      }
      String all = new PDFTextStripper().getText(doc);
      assertThat(all).contains("Zeile 1: Prüfbericht Charge 7").contains("Zeile 150");
    }
  }

  @Test
  void render_pdfSource_keepsItsPagesAndWatermarksEach() throws IOException {
    byte[] pdf = renderer.render(threePagePdf(), "spec.pdf", MARK, OptionalInt.empty());

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(3);
      for (int p = 1; p <= 3; p++) {
        assertThat(pageText(doc, p)).contains("original page " + p).contains("qa@sponsor.example");
      }
    }
  }

  @Test
  void render_onePage_returnsOnlyThatPage_outOfRange_isNotFound() throws IOException {
    byte[] pdf = renderer.render(threePagePdf(), "spec.pdf", MARK, OptionalInt.of(2));

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      assertThat(pageText(doc, 1)).contains("original page 2").contains("qa@sponsor.example");
    }
    assertThatThrownBy(() -> renderer.render(threePagePdf(), "spec.pdf", MARK, OptionalInt.of(4)))
        .isInstanceOf(CordonException.NotFound.class);
  }

  @Test
  void render_binaryOrBrokenPdf_isUnsupportedMedia() {
    byte[] binary = {'P', 'K', 3, 4, 0, 0, 1};
    assertThatThrownBy(() -> renderer.render(binary, "a.docx", MARK, OptionalInt.empty()))
        .isInstanceOf(CordonException.UnsupportedMedia.class);
    byte[] broken = "%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> renderer.render(broken, "b.pdf", MARK, OptionalInt.empty()))
        .isInstanceOf(CordonException.UnsupportedMedia.class);
  }

  @Test
  void render_emptyText_isOneWatermarkedPage() throws IOException {
    byte[] pdf = renderer.render(new byte[0], "empty.txt", MARK, OptionalInt.empty());

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      assertThat(pageText(doc, 1)).contains("qa@sponsor.example");
    }
  }

  @Test
  void render_docxWithTika_typesetsItsTextWatermarked() throws IOException {
    byte[] docx;
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText("Deviation report DR-2026-114");
      doc.createParagraph().createRun().setText("Root cause: filter integrity test failed");
      doc.write(out);
      docx = out.toByteArray();
    }
    PdfBoxViewRenderer withTika =
        new PdfBoxViewRenderer(new TikaExtractor(ExtractionLimits.defaults()));

    byte[] pdf = withTika.render(docx, "deviation.docx", MARK, OptionalInt.empty());

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String page = pageText(doc, 1);
      assertThat(page)
          .contains("Deviation report DR-2026-114")
          .contains("Root cause: filter integrity test failed")
          .contains("qa@sponsor.example")
          .contains("share sh_abcdefghjkmnpqrstvwx");
    }
  }

  @Test
  void render_binaryWithoutTextWithTika_isUnsupportedMedia() {
    byte[] noText = new byte[64];
    noText[0] = 0;
    PdfBoxViewRenderer withTika =
        new PdfBoxViewRenderer(new TikaExtractor(ExtractionLimits.defaults()));
    assertThatThrownBy(() -> withTika.render(noText, "x.bin", MARK, OptionalInt.empty()))
        .isInstanceOf(CordonException.UnsupportedMedia.class)
        .hasMessageContaining("cannot be viewed");
  }

  private static String pageText(PDDocument doc, int page) throws IOException {
    PDFTextStripper s = new PDFTextStripper();
    s.setStartPage(page);
    s.setEndPage(page);
    return s.getText(doc);
  }

  static byte[] threePagePdf() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 1; p <= 3; p++) {
        PDPage page = new PDPage(PDRectangle.LETTER);
        doc.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
          s.beginText();
          s.setFont(font, 12);
          s.newLineAtOffset(72, 700);
          s.showText("original page " + p);
          s.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
