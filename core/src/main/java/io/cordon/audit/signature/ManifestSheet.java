package io.cordon.audit.signature;

import io.cordon.content.FileVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The text stamped on a PDF rendition (21 CFR 11.50(b)): the footer line for every page and the
 * lines of the manifest page. Only valid signatures are named in the footer; the manifest page
 * lists every record of the version, each with the result of its verification, so a broken record
 * is shown as broken rather than hidden. Stateless; the layout is the adapter's.
 */
public final class ManifestSheet {
  /** How every footer ends: the pointer to the manifest page. */
  public static final String SEE_MANIFEST = " — see manifest";

  private ManifestSheet() {}

  /**
   * {@code Electronically signed: <name>, <meaning>, <time> — see manifest}; several signatures are
   * joined with "; ", receipts are named only where no signature is valid.
   */
  public static String footer(List<VerifiedSignature> signatures) {
    List<Manifest> valid = valid(signatures, SignatureKind.SIGNATURE);
    String verb = "Electronically signed";
    if (valid.isEmpty()) {
      valid = valid(signatures, SignatureKind.RECEIPT);
      verb = "Receipt signed";
    }
    if (valid.isEmpty()) {
      return "Signature records present but not valid" + SEE_MANIFEST;
    }
    List<String> parts = new ArrayList<>();
    for (Manifest m : valid) {
      parts.add(m.printedName() + ", " + m.meaning().code() + ", " + m.localTime());
    }
    return verb + ": " + String.join("; ", parts) + SEE_MANIFEST;
  }

  /** The manifest page: what was signed, then each record with its binding and its check. */
  public static List<String> manifest(
      String fileName, FileVersion version, List<VerifiedSignature> signatures) {
    List<String> lines = new ArrayList<>();
    lines.add("Electronic signature manifest (21 CFR Part 11)");
    lines.add("");
    lines.add("File: " + fileName + " (" + version.file().value() + ")");
    lines.add("Version: " + version.number() + " (" + version.size() + " bytes)");
    lines.add("SHA-256: " + version.sha256());
    int n = 0;
    for (VerifiedSignature s : signatures) {
      SignatureRecord r = s.record();
      Manifest m = r.manifest();
      lines.add("");
      lines.add(
          ++n
              + ". "
              + (r.kind() == SignatureKind.RECEIPT ? "Receipt" : "Signature")
              + ": "
              + m.printedName()
              + " — "
              + m.meaning().code());
      lines.add(
          "   Signed: "
              + m.localTime()
              + " = "
              + io.cordon.audit.AuditEventCodec.formatTime(r.signedAt()));
      lines.add("   Signer: " + r.signer().value() + "; record " + r.id().value());
      lines.add("   Audit event: " + r.auditSeq() + "; sealed by key " + r.keyId());
      lines.add(
          "   Verification: "
              + (s.check() instanceof SignatureCheck.Invalid bad
                  ? "NOT VALID — " + bad.reason()
                  : "valid (bound to this version and its SHA-256)"));
    }
    return List.copyOf(lines);
  }

  private static List<Manifest> valid(List<VerifiedSignature> all, SignatureKind kind) {
    return all.stream()
        .filter(s -> s.check().isValid() && s.record().kind() == kind)
        .map(s -> s.record().manifest())
        .toList();
  }
}
