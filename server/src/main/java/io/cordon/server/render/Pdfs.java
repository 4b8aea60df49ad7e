package io.cordon.server.render;

import io.cordon.context.CordonException;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Opens stored PDFs for rendering: unreadable content and encrypted PDFs are refused as unsupported
 * media (an encrypted PDF is never decrypted and rewritten). Stateless.
 */
final class Pdfs {
  private Pdfs() {}

  /**
   * @param purpose what the document is opened for, as the refusal says it ("stamped", "viewed")
   */
  static PDDocument open(byte[] pdf, String purpose) {
    PDDocument doc;
    try {
      doc = Loader.loadPDF(pdf);
    } catch (IOException e) {
      throw new CordonException.UnsupportedMedia("the content is not a readable PDF");
    }
    if (doc.isEncrypted()) {
      try {
        doc.close();
      } catch (IOException ignored) {
        // Nothing was written; the refusal below is what matters.
      }
      throw new CordonException.UnsupportedMedia("encrypted PDFs cannot be " + purpose);
    }
    return doc;
  }
}
