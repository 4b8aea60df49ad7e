package io.cordon.identity;

/** Whether an organisation is the installation's own (home) or an external partner. */
public enum OrgKind {
  HOME("home"),
  PARTNER("partner");

  private final String code;

  OrgKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static OrgKind fromCode(String code) {
    for (OrgKind k : values()) {
      if (k.code.equals(code)) {
        return k;
      }
    }
    throw new io.cordon.context.CordonException.InvalidInput(
        "organisation kind must be home or partner");
  }
}
