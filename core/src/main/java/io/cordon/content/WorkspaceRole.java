package io.cordon.content;

import io.cordon.context.CordonException;
import java.util.Locale;

/** A member's role in one workspace (API.md: owner, manager, contributor, viewer, auditor). */
public enum WorkspaceRole {
  OWNER("owner"),
  MANAGER("manager"),
  CONTRIBUTOR("contributor"),
  VIEWER("viewer"),
  AUDITOR("auditor");

  private final String code;

  WorkspaceRole(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static WorkspaceRole fromCode(String code) {
    for (WorkspaceRole r : values()) {
      if (r.code.equals(code.toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new CordonException.InvalidInput(
        "role must be owner, manager, contributor, viewer or auditor");
  }
}
