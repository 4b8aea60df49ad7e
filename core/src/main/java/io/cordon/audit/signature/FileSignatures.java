package io.cordon.audit.signature;

import io.cordon.content.FileDetails;
import io.cordon.content.FileVersion;
import io.cordon.content.StoredFile;
import io.cordon.content.Workspace;
import java.util.List;

/**
 * A file's versions (each with its label now) and every signature and receipt on any of them, each
 * verified, with each version's inspection record; a new version never hides an earlier one or its
 * signatures.
 */
public record FileSignatures(
    Workspace workspace,
    StoredFile file,
    List<FileVersion> versions,
    List<VerifiedSignature> signatures,
    java.util.Map<Integer, io.cordon.inspect.Verdict> inspections) {
  public FileSignatures {
    versions = List.copyOf(versions);
    signatures = List.copyOf(signatures);
    inspections = java.util.Map.copyOf(inspections);
  }

  /** The inspection record of version {@code number}, if it has one (a purged version may not). */
  public java.util.Optional<io.cordon.inspect.Verdict> inspection(int number) {
    return java.util.Optional.ofNullable(inspections.get(number));
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
