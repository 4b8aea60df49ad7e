package io.cordon.inspect.tika;

import static io.cordon.inspect.tika.TikaExtractorTest.CARD;
import static io.cordon.inspect.tika.TikaExtractorTest.SSN;
import static io.cordon.inspect.tika.TikaExtractorTest.extract;
import static io.cordon.inspect.tika.TikaExtractorTest.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.inspect.Extraction;
import io.cordon.inspect.Extraction.Status;
import io.cordon.inspect.ExtractionLimits;
import io.cordon.inspect.Inspector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Issue 5 "Bad input": every hostile or odd file gets a clear verdict, none an exception. */
class HostileFilesTest {
  private final TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults());

  @Test
  void encryptedPdf_unscannable() throws IOException {
    Extraction e = extract(extractor, Documents.pdf(SSN, "s3cret-user"), "locked.pdf");
    assertThat(e.status()).isEqualTo(Status.UNSCANNABLE);
    assertThat(e.mediaType()).isEqualTo("application/pdf");
    assertThat(e.detail()).contains("encrypted");
  }

  @Test
  void encryptedZip_unscannable() throws IOException {
    byte[] zip =
        Documents.encryptedZip("patients.txt", SSN.getBytes(StandardCharsets.UTF_8), "pw-1234");
    Extraction e = extract(extractor, zip, "patients.zip");
    assertThat(e.status()).as(e.detail()).isEqualTo(Status.UNSCANNABLE);
    assertThat(e.detail()).contains("encrypted");
  }

  @Test
  void zipBomb_highRatio_rejected() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("zeros.bin"));
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    Extraction e = extract(extractor, bytes.toByteArray(), "bomb.zip");
    assertThat(e.status()).isEqualTo(Status.REJECTED);
    assertThat(e.detail()).contains("zip bomb");
  }

  @Test
  void gzipBomb_ofText_rejected() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] line = new byte[1 << 20];
    Arrays.fill(line, (byte) 'a');
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (int i = 0; i < 64; i++) {
        gz.write(line);
      }
    }
    Extraction e = extract(extractor, bytes.toByteArray(), "log.gz");
    assertThat(e.status()).isEqualTo(Status.REJECTED);
    assertThat(e.detail()).contains("zip bomb");
  }

  @Test
  void nestedZips_deeperThanLimit_rejected() throws IOException {
    byte[] doc = SSN.getBytes(StandardCharsets.UTF_8);
    for (int level = 0; level < 8; level++) {
      doc = Documents.zip(Map.of("level" + level + ".zip", doc));
    }
    Extraction e = extract(extractor, doc, "russian-doll.zip");
    assertThat(e.status()).isEqualTo(Status.REJECTED);
    assertThat(e.detail()).contains("nested deeper than 5");
  }

  @Test
  void nestedZips_withinLimit_complete() throws IOException {
    byte[] doc = SSN.getBytes(StandardCharsets.UTF_8);
    doc = Documents.zip(Map.of("inner.txt", doc));
    doc = Documents.zip(Map.of("inner.zip", doc));
    Extraction e = extract(extractor, doc, "two-levels.zip");
    assertThat(e.status()).as(e.detail()).isEqualTo(Status.COMPLETE);
    assertThat(types(e)).contains("US_SSN");
  }

  @Test
  void tooManyEntries_rejected() throws IOException {
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      many.put("f" + i + ".txt", ("entry " + i).getBytes(StandardCharsets.UTF_8));
    }
    TikaExtractor strict = new TikaExtractor(ExtractionLimits.defaults().withMaxEntries(50));
    Extraction e = extract(strict, Documents.zip(many), "many.zip");
    assertThat(e.status()).isEqualTo(Status.REJECTED);
    assertThat(e.detail()).contains("more than 50");
  }

  @Test
  void malformedDocx_rejectedWithDetail() throws IOException {
    byte[] docx =
        Documents.rewriteEntry(
            Documents.docx(SSN), "word/document.xml", x -> x.substring(0, x.length() / 2));
    Extraction e = extract(extractor, docx, "broken.docx");
    assertThat(e.status()).isIn(Status.REJECTED, Status.TRUNCATED);
    assertThat(e.detail()).isNotBlank().doesNotContain("078-05");
  }

  @Test
  void truncatedDocx_rejectedWithDetail() throws IOException {
    byte[] docx = Documents.docx(SSN, CARD);
    Extraction e = extract(extractor, Arrays.copyOf(docx, docx.length / 2), "cut.docx");
    assertThat(e.status()).isIn(Status.REJECTED, Status.TRUNCATED);
    assertThat(e.detail()).isNotBlank();
  }

  @Test
  void truncatedPdf_rejectedWithDetail() throws IOException {
    byte[] pdf = Documents.pdf(SSN);
    Extraction e = extract(extractor, Arrays.copyOf(pdf, pdf.length / 2), "cut.pdf");
    assertThat(e.status()).isIn(Status.REJECTED, Status.TRUNCATED);
    assertThat(e.detail()).isNotBlank();
  }

  @Test
  void byteLimit_truncatedAndWhatWasReadInspected() throws IOException {
    byte[] text = (SSN + " " + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
    TikaExtractor small = new TikaExtractor(ExtractionLimits.defaults().withMaxBytes(1000));
    Extraction e = extract(small, text, "big.txt");
    assertThat(e.status()).isEqualTo(Status.TRUNCATED);
    assertThat(e.detail()).contains("byte limit");
    assertThat(types(e)).contains("US_SSN");
    assertThat(e.inspection().orElseThrow().chars()).isEqualTo(1000);
  }

  @Test
  void byteLimit_exactlyTheFilesSize_complete() throws IOException {
    byte[] text = SSN.getBytes(StandardCharsets.UTF_8);
    TikaExtractor exact = new TikaExtractor(ExtractionLimits.defaults().withMaxBytes(text.length));
    assertThat(extract(exact, text, "a.txt").status()).isEqualTo(Status.COMPLETE);
  }

  @Test
  void charLimit_documentTruncated() throws IOException {
    TikaExtractor small = new TikaExtractor(ExtractionLimits.defaults().withMaxChars(40));
    Extraction e = extract(small, Documents.docx(SSN, "x".repeat(5000)), "long.docx");
    assertThat(e.status()).isEqualTo(Status.TRUNCATED);
    assertThat(e.detail()).contains("character limit");
    assertThat(e.inspection().orElseThrow().chars()).isLessThanOrEqualTo(40);
  }

  @Test
  void stalledParse_stoppedAtTheDeadline() throws IOException {
    TikaExtractor quick =
        new TikaExtractor(ExtractionLimits.defaults().withTimeout(Duration.ofSeconds(1)));
    InputStream stalls = new SequenceInputStream(htmlPrefix(), new Stall(false));
    Extraction e = quick.extract(stalls, "page.html", Inspector.standard());
    assertThat(e.status()).isEqualTo(Status.TRUNCATED);
    assertThat(e.detail()).contains("time limit");
  }

  @Test
  void parserDeafToInterrupts_abandonedAndTheCallerFreed() throws IOException {
    TikaExtractor quick =
        new TikaExtractor(ExtractionLimits.defaults().withTimeout(Duration.ofSeconds(1)));
    Stall deaf = new Stall(true);
    long before = TikaExtractor.abandonedParsers();
    try {
      Extraction e =
          quick.extract(
              new SequenceInputStream(htmlPrefix(), deaf), "page.html", Inspector.standard());
      assertThat(e.status()).isEqualTo(Status.TRUNCATED);
      assertThat(TikaExtractor.abandonedParsers()).isEqualTo(before + 1);
    } finally {
      deaf.release();
    }
  }

  @Test
  void storageFailure_isAnIoException() {
    InputStream failing =
        new SequenceInputStream(
            new java.io.ByteArrayInputStream(new byte[0]),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("disk gone");
              }
            });
    assertThatThrownBy(() -> extractor.extract(failing, "x.txt", Inspector.standard()))
        .isInstanceOf(IOException.class);
  }

  private static InputStream htmlPrefix() {
    String body = "<p>" + CARD + "</p>\n";
    return new java.io.ByteArrayInputStream(
        ("<html><body>" + body.repeat(4000)).getBytes(StandardCharsets.UTF_8));
  }

  /** A source that stops giving bytes: until interrupted, or (deaf) until released. */
  private static final class Stall extends InputStream {
    private final boolean deaf;
    private volatile boolean released;

    Stall(boolean deaf) {
      this.deaf = deaf;
    }

    void release() {
      released = true;
    }

    @Override
    public int read() throws IOException {
      while (!released) {
        if (deaf) {
          Thread.onSpinWait();
          continue;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("stalled read interrupted");
        }
      }
      return -1;
    }
  }
}
