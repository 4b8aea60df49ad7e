package io.cordon.audit.signature;

import io.cordon.content.FileVersion;
import io.cordon.content.StoredFile;
import java.util.List;

/**
 * A file's versions and every signature and receipt on any of them, each verified; a new version
 * never hides an earlier one or its signatures.
 */
public record FileSignatures(
    StoredFile file, List<FileVersion> versions, List<VerifiedSignature> signatures) {
  public FileSignatures {
    versions = List.copyOf(versions);
    signatures = List.copyOf(signatures);
  }

  /** The signatures and receipts on version {@code number}. */
  public List<VerifiedSignature> of(int number) {
    return signatures.stream().filter(s -> s.record().version() == number).toList();
  }
}
