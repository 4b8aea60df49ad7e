package io.cordon.audit.signature;

import io.cordon.content.FileDetails;
import io.cordon.content.FileVersion;
import io.cordon.content.StoredFile;
import io.cordon.content.Workspace;
import java.util.List;

/**
 * A file's versions and every signature and receipt on any of them, each verified; a new version
 * never hides an earlier one or its signatures.
 */
public record FileSignatures(
    Workspace workspace,
    StoredFile file,
    List<FileVersion> versions,
    List<VerifiedSignature> signatures) {
  public FileSignatures {
    versions = List.copyOf(versions);
    signatures = List.copyOf(signatures);
  }

  /** The file with its workspace and versions, as a metadata read shows it. */
  public FileDetails details() {
    return new FileDetails(workspace, file, versions);
  }

  /** The signatures and receipts on version {@code number}. */
  public List<VerifiedSignature> of(int number) {
    return signatures.stream().filter(s -> s.record().version() == number).toList();
  }
}
