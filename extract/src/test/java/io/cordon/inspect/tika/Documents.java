package io.cordon.inspect.tika;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Test documents made with the real libraries (POI, PDFBox, java.util.zip, commons-compress). */
final class Documents {
  private Documents() {}

  static byte[] docx(String... paragraphs) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String p : paragraphs) {
        doc.createParagraph().createRun().setText(p);
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] xlsx(String... cells) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = book.createSheet("Batch");
      for (int i = 0; i < cells.length; i++) {
        sheet.createRow(i).createCell(0).setCellValue(cells[i]);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] pdf(String line) {
    return pdf(line, null);
  }

  /** A one-page PDF; with a user password it cannot be opened without it. */
  static byte[] pdf(String line, String userPassword) {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        s.newLineAtOffset(72, 700);
        s.showText(line);
        s.endText();
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy(
                "owner-" + userPassword, userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(256);
        doc.protect(policy);
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] tarGz(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      for (var e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A copy of a zip-based document with one entry's text rewritten. */
  static byte[] rewriteEntry(
      byte[] zipBytes, String name, java.util.function.UnaryOperator<String> f) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] content = in.readAllBytes();
        if (e.getName().equals(name)) {
          content =
              f.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(content);
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A zip whose one entry is encrypted with traditional PKWARE encryption (APPNOTE 6.1), stored,
   * the way {@code zip -e} writes it; java.util.zip cannot write encrypted entries.
   */
  static byte[] encryptedZip(String name, byte[] content, String password) {
    CRC32 crc32 = new CRC32();
    crc32.update(content);
    int crc = (int) crc32.getValue();
    ZipCrypto crypto = new ZipCrypto(password);
    byte[] header = new byte[12];
    new java.util.Random(7).nextBytes(header);
    header[11] = (byte) (crc >>> 24);
    byte[] data = new byte[12 + content.length];
    crypto.encrypt(header, data, 0);
    crypto.encrypt(content, data, 12);
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(30 + n.length + data.length + 46 + n.length + 22);
    b.order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0x04034b50).putShort((short) 20).putShort((short) 1).putShort((short) 0);
    b.putShort((short) 0).putShort((short) 0x5a21).putInt(crc).putInt(data.length);
    b.putInt(content.length).putShort((short) n.length).putShort((short) 0).put(n).put(data);
    int cd = b.position();
    b.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 1);
    b.putShort((short) 0).putShort((short) 0).putShort((short) 0x5a21).putInt(crc);
    b.putInt(data.length).putInt(content.length).putShort((short) n.length).putShort((short) 0);
    b.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).put(n);
    int cdSize = b.position() - cd;
    b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1);
    b.putShort((short) 1).putInt(cdSize).putInt(cd).putShort((short) 0);
    return b.array();
  }

  /** Traditional PKWARE stream cipher (APPNOTE.TXT section 6.1). */
  private static final class ZipCrypto {
    private static final int[] TABLE = new int[256];

    static {
      for (int i = 0; i < 256; i++) {
        int c = i;
        for (int k = 0; k < 8; k++) {
          c = (c & 1) != 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        }
        TABLE[i] = c;
      }
    }

    private int k0 = 0x12345678;
    private int k1 = 0x23456789;
    private int k2 = 0x34567890;

    ZipCrypto(String password) {
      for (byte p : password.getBytes(StandardCharsets.UTF_8)) {
        update(p);
      }
    }

    private static int crc(int crc, byte b) {
      return (crc >>> 8) ^ TABLE[(crc ^ b) & 0xff];
    }

    private void update(byte p) {
      k0 = crc(k0, p);
      k1 = (k1 + (k0 & 0xff)) * 134775813 + 1;
      k2 = crc(k2, (byte) (k1 >>> 24));
    }

    void encrypt(byte[] plain, byte[] out, int at) {
      for (int i = 0; i < plain.length; i++) {
        int t = (k2 | 2) & 0xffff;
        out[at + i] = (byte) (plain[i] ^ ((t * (t ^ 1)) >>> 8));
        update(plain[i]);
      }
    }
  }
}
