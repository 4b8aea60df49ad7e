package io.cordon.audit.signature;

import io.cordon.content.FileVersion;
import java.util.List;

/**
 * Port: a PDF rendition of a signed version, stamped with its signatures (21 CFR 11.50(b)): a
 * one-line footer on every page naming the signers, meanings and times, and the full manifest as a
 * final page. Adapters hold the whole document in memory, so callers bound its size. Thread-safe.
 */
public interface SignatureStamp {
  /**
   * @param pdf the version's exact bytes
   * @param signatures the verified signatures and receipts of that version
   * @return the stamped PDF
   * @throws io.cordon.context.CordonException.UnsupportedMedia if {@code pdf} is not a PDF the
   *     adapter can read
   */
  byte[] stamp(
      byte[] pdf, String fileName, FileVersion version, List<VerifiedSignature> signatures);
}
