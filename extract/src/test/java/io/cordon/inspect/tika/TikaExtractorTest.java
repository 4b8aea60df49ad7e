package io.cordon.inspect.tika;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.inspect.Extraction;
import io.cordon.inspect.Extraction.Status;
import io.cordon.inspect.ExtractionLimits;
import io.cordon.inspect.Finding;
import io.cordon.inspect.Inspector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formats Cordon extracts, each with a finding planted inside that must come out typed. */
class TikaExtractorTest {
  static final String SSN = "SSN: 078-05-1123 on file";
  static final String CARD = "card 4111 1111 1111 1111 expires";
  static final String NHS = "NHS number 943 476 5919";

  private final TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults());

  static Extraction extract(TikaExtractor extractor, byte[] bytes, String name) throws IOException {
    return extractor.extract(new ByteArrayInputStream(bytes), name, Inspector.standard());
  }

  static List<String> types(Extraction e) {
    return e.inspection().orElseThrow().findings().stream().map(f -> f.type().name()).toList();
  }

  @Test
  void docx_paragraphs_findingsTyped() throws IOException {
    Extraction e = extract(extractor, Documents.docx("Batch record", SSN, CARD), "record.docx");
    assertThat(e.status()).isEqualTo(Status.COMPLETE);
    assertThat(e.mediaType()).contains("wordprocessingml");
    assertThat(types(e)).contains("US_SSN", "CREDIT_CARD");
  }

  @Test
  void xlsx_cells_findingsTyped() throws IOException {
    Extraction e = extract(extractor, Documents.xlsx("Lot release", NHS), "lots.xlsx");
    assertThat(e.status()).isEqualTo(Status.COMPLETE);
    assertThat(e.mediaType()).contains("spreadsheetml");
    assertThat(types(e)).contains("UK_NHS");
  }

  @Test
  void pdf_text_findingsTyped() throws IOException {
    Extraction e = extract(extractor, Documents.pdf(SSN), "coa.pdf");
    assertThat(e.status()).isEqualTo(Status.COMPLETE);
    assertThat(e.mediaType()).isEqualTo("application/pdf");
    assertThat(types(e)).contains("US_SSN");
  }

  @Test
  void html_body_findingsTyped() throws IOException {
    byte[] html =
        ("<!DOCTYPE html><html><head><title>Narrative</title></head><body><p>"
                + CARD
                + "</p><script>var x = 1;</script></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    Extraction e = extract(extractor, html, "narrative.html");
    assertThat(e.status()).isEqualTo(Status.COMPLETE);
    assertThat(e.mediaType()).isEqualTo("text/html");
    assertThat(types(e)).contains("CREDIT_CARD");
  }

  @Test
  void eml_bodyAndHeaders_findingsTyped() throws IOException {
    byte[] eml =
        ("From: qa@cdmo.example\r\nTo: sponsor@pharma.example\r\nSubject: Deviation\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\nMessage-ID: <1@cdmo.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Please see the patient: "
                + SSN
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
    Extraction e = extract(extractor, eml, "deviation.eml");
    assertThat(e.status()).isEqualTo(Status.COMPLETE);
    assertThat(e.mediaType()).isEqualTo("message/rfc822");
    assertThat(types(e)).contains("US_SSN", "EMAIL_ADDRESS");
  }

  @Test
  void zipInsideTarGz_nestedDocuments_findingsTyped() throws IOException {
    byte[] inner =
        Documents.zip(
            Map.of(
                "record.docx",
                Documents.docx(SSN),
                "notes.txt",
                NHS.getBytes(StandardCharsets.UTF_8)));
    byte[] tgz = Documents.tarGz(Map.of("transfer/package.zip", inner));
    Extraction e = extract(extractor, tgz, "transfer.tar.gz");
    assertThat(e.status()).as(e.detail()).isEqualTo(Status.COMPLETE);
    assertThat(e.mediaType()).isEqualTo("application/gzip");
    assertThat(types(e)).contains("US_SSN", "UK_NHS");
  }

  @Test
  void rtf_text_findingsTyped() throws IOException {
    byte[] rtf =
        ("{\\rtf1\\ansi{\\fonttbl\\f0 Helvetica;}\\f0 Lot release. " + SSN + "\\par}")
            .getBytes(StandardCharsets.US_ASCII);
    Extraction e = extract(extractor, rtf, "release.rtf");
    assertThat(e.status()).as(e.detail()).isEqualTo(Status.COMPLETE);
    assertThat(e.mediaType()).isEqualTo("application/rtf");
    assertThat(types(e)).contains("US_SSN");
  }

  @Test
  void pptx_slideText_findingsTyped() throws IOException {
    byte[] pptx;
    try (var show = new org.apache.poi.xslf.usermodel.XMLSlideShow();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var box = show.createSlide().createTextBox();
      box.setText(CARD);
      show.write(out);
      pptx = out.toByteArray();
    }
    Extraction e = extract(extractor, pptx, "deck.pptx");
    assertThat(e.status()).as(e.detail()).isEqualTo(Status.COMPLETE);
    assertThat(e.mediaType()).contains("presentationml");
    assertThat(types(e)).contains("CREDIT_CARD");
  }

  @Test
  void odt_text_findingsTyped() throws IOException {
    String content =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
            + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
            + "<office:body><office:text><text:p>"
            + NHS
            + "</text:p></office:text></office:body></office:document-content>";
    String manifest =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
            + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
            + "<manifest:file-entry manifest:full-path=\"/\""
            + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
            + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
            + "</manifest:manifest>";
    byte[] odt =
        Documents.zip(
            entries(
                "mimetype",
                "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII),
                "content.xml",
                content.getBytes(StandardCharsets.UTF_8),
                "META-INF/manifest.xml",
                manifest.getBytes(StandardCharsets.UTF_8)));
    Extraction e = extract(extractor, odt, "minutes.odt");
    assertThat(e.status()).as(e.detail()).isEqualTo(Status.COMPLETE);
    assertThat(e.mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
    assertThat(types(e)).contains("UK_NHS");
  }

  @Test
  void docxNamedTxt_detectedByBytes() throws IOException {
    Extraction e = extract(extractor, Documents.docx(SSN), "harmless.txt");
    assertThat(e.mediaType()).contains("wordprocessingml");
    assertThat(types(e)).contains("US_SSN");
  }

  @Test
  void textNamedPdf_detectedByBytes() throws IOException {
    Extraction e = extract(extractor, SSN.getBytes(StandardCharsets.UTF_8), "scan.pdf");
    assertThat(e.status()).isEqualTo(Status.COMPLETE);
    assertThat(e.mediaType()).isEqualTo("text/plain");
    assertThat(types(e)).contains("US_SSN");
  }

  @Test
  void plainText_offsetsAreTheFilesOwn() throws IOException {
    String text = "é line\n" + SSN;
    Extraction e = extract(extractor, text.getBytes(StandardCharsets.UTF_8), "notes.txt");
    Finding f = e.inspection().orElseThrow().findings().get(0);
    assertThat(text.substring((int) f.start(), (int) f.end())).isEqualTo("078-05-1123");
  }

  @Test
  void invalidUtf8_countedAndStillInspected() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("header \u00e9 ".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, ' '});
    bytes.writeBytes(SSN.getBytes(StandardCharsets.UTF_8));
    Extraction e = extract(extractor, bytes.toByteArray(), "export.csv");
    assertThat(e.status()).isEqualTo(Status.COMPLETE);
    assertThat(e.inspection().orElseThrow().invalidUtf8()).isEqualTo(2);
    assertThat(types(e)).contains("US_SSN");
  }

  @Test
  void unknownBinary_unscannable() throws IOException {
    byte[] bytes = new byte[4096];
    new java.util.Random(1).nextBytes(bytes);
    bytes[0] = 0;
    Extraction e = extract(extractor, bytes, "blob.bin");
    assertThat(e.status()).isEqualTo(Status.UNSCANNABLE);
    assertThat(e.detail()).contains("not supported");
  }

  @Test
  void gzipOfText_findingsTyped() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(CARD.getBytes(StandardCharsets.UTF_8));
    }
    Extraction e = extract(extractor, bytes.toByteArray(), "log.gz");
    assertThat(e.status()).isEqualTo(Status.COMPLETE);
    assertThat(types(e)).contains("CREDIT_CARD");
  }

  @Test
  void text_docx_givesItsText() throws IOException {
    var t =
        extractor.text(
            new ByteArrayInputStream(Documents.docx("Deviation report", "Line two")),
            "report.docx",
            10_000);
    assertThat(t.status()).isEqualTo(Status.COMPLETE);
    assertThat(t.text()).contains("Deviation report").contains("Line two");
  }

  @Test
  void text_longerThanAsked_truncated() throws IOException {
    char[] many = new char[5000];
    Arrays.fill(many, 'a');
    var t =
        extractor.text(
            new ByteArrayInputStream(new String(many).getBytes(StandardCharsets.UTF_8)),
            "a.txt",
            100);
    assertThat(t.status()).isEqualTo(Status.TRUNCATED);
    assertThat(t.text()).hasSize(100);
  }

  @Test
  void xml_externalEntity_neverResolved(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "XXE-MARKER-4711");
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]><r><p>before &xxe; after</p></r>";
    var t =
        extractor.text(
            new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "data.xml", 10_000);
    assertThat(t.text()).doesNotContain("XXE-MARKER-4711");
  }

  @Test
  void docx_externalEntity_neverResolved(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "XXE-MARKER-4711");
    byte[] docx =
        Documents.rewriteEntry(
            Documents.docx("PLACEHOLDER"),
            "word/document.xml",
            x ->
                x.replaceFirst(
                        "\\?>",
                        "?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
                    .replace("PLACEHOLDER", "&xxe;"));
    var t = extractor.text(new ByteArrayInputStream(docx), "report.docx", 10_000);
    assertThat(t.text()).doesNotContain("XXE-MARKER-4711");
    Extraction e = extract(extractor, docx, "report.docx");
    assertThat(e.status()).isIn(Status.COMPLETE, Status.REJECTED);
  }

  @Test
  void parsers_noExternalOrOcr() {
    var parsers = new org.apache.tika.parser.AutoDetectParser().getParsers().values();
    assertThat(parsers)
        .extracting(p -> p.getClass().getName())
        .noneMatch(n -> n.contains(".external.") || n.contains("ocr") || n.contains("Tesseract"));
  }

  static Map<String, byte[]> entries(Object... pairs) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (byte[]) pairs[i + 1]);
    }
    return m;
  }
}
