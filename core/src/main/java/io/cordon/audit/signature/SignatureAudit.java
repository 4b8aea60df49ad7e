package io.cordon.audit.signature;

import java.util.List;

/** The result of verifying every signature record: how many were checked and which failed. */
public record SignatureAudit(int checked, List<VerifiedSignature> failed) {
  public SignatureAudit {
    failed = List.copyOf(failed);
  }

  public boolean isIntact() {
    return failed.isEmpty();
  }
}
