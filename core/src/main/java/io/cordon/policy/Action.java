package io.cordon.policy;

/** What a request wants to do (ARCHITECTURE.md "Policy", attribute {@code action}). */
public enum Action {
  VIEW("view"),
  DOWNLOAD("download"),
  UPLOAD("upload"),
  SHARE_EXTERNAL("share-external"),
  DELETE("delete"),
  SIGN("sign"),
  ADMINISTER("administer"),
  /** Manage a workspace's membership and settings. */
  MANAGE("manage"),
  /** Read the audit trail. */
  AUDIT("audit"),
  /** Restore a soft-deleted record. */
  RESTORE("restore"),
  /** Place or release a legal hold. */
  LEGAL_HOLD("legal-hold"),
  /** Ask this installation, as a witness, to cosign a log's checkpoint (c2sp.org/tlog-witness). */
  COSIGN("cosign"),
  /** Raise a file's classification label (never lowers it). */
  CLASSIFY("classify"),
  /** Lower a file's classification label: needs this permission and a justification. */
  DECLASSIFY("declassify");

  private final String code;

  Action(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
