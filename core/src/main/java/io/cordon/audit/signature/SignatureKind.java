package io.cordon.audit.signature;

import io.cordon.context.CordonException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a record is a signature on a file version (its author, reviewer, approver or the person
 * responsible) or a recipient's receipt for the exact bytes they downloaded. Persisted by {@link
 * #code()}.
 */
public enum SignatureKind {
  SIGNATURE(
      "signature",
      "signature.create",
      EnumSet.of(Meaning.AUTHORED, Meaning.REVIEWED, Meaning.APPROVED, Meaning.RESPONSIBLE)),
  RECEIPT("receipt", "receipt.create", EnumSet.of(Meaning.RECEIVED, Meaning.REVIEWED));

  private final String code;
  private final String auditAction;
  private final Set<Meaning> meanings;

  SignatureKind(String code, String auditAction, Set<Meaning> meanings) {
    this.code = code;
    this.auditAction = auditAction;
    this.meanings = meanings;
  }

  public String code() {
    return code;
  }

  /** The audit action that records the making of one ({@code signature.create}, …). */
  public String auditAction() {
    return auditAction;
  }

  /** The meaning with this code, if this kind allows it (11.50(a)(3)). */
  public Meaning meaning(String raw) {
    for (Meaning m : meanings) {
      if (m.code().equals(raw)) {
        return m;
      }
    }
    throw new CordonException.InvalidInput(
        "the meaning of a "
            + code
            + " must be one of "
            + String.join(", ", meanings.stream().map(Meaning::code).sorted().toList()));
  }

  public static SignatureKind fromCode(String code) {
    for (SignatureKind k : values()) {
      if (k.code.equals(code)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown signature kind: " + code);
  }
}
