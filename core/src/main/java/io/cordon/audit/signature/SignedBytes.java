package io.cordon.audit.signature;

import io.cordon.audit.AuditEventCodec;
import java.nio.charset.StandardCharsets;

/**
 * The canonical bytes a signature's seal covers: UTF-8 text, one {@code name: value} line per field
 * in a fixed order, each ending in a newline, under a versioned first line. Every field of the
 * record except the seal is included, so the seal binds the manifest (printed name, time, zone,
 * meaning) to the signer, the exact file version (number, version id, SHA-256) and the audit event
 * that recorded it (21 CFR 11.70). Values never contain a line break ({@link SignatureRecord}
 * refuses them), so the text is unambiguous. Stateless.
 *
 * <pre>
 * cordon-e-signature/v1
 * id: sig_…
 * kind: signature
 * file: f_…
 * version: 2
 * version-id: v_…
 * sha256: 9f86d0…
 * signer: u_…
 * printed-name: Jane Roe
 * meaning: approved
 * signed-at: 2026-11-23T13:05:12.345Z
 * time-zone: Europe/Berlin
 * audit-seq: 42
 * key-id: 4f1c…
 * </pre>
 */
public final class SignedBytes {
  /** The first line; a new layout gets a new version. */
  public static final String HEADER = "cordon-e-signature/v1";

  private SignedBytes() {}

  public static byte[] of(SignatureRecord r) {
    return text(r).getBytes(StandardCharsets.UTF_8);
  }

  /** The canonical text. */
  public static String text(SignatureRecord r) {
    StringBuilder out = new StringBuilder(512).append(HEADER).append('\n');
    line(out, "id", r.id().value());
    line(out, "kind", r.kind().code());
    line(out, "file", r.file().value());
    line(out, "version", Integer.toString(r.version()));
    line(out, "version-id", r.versionId());
    line(out, "sha256", r.sha256());
    line(out, "signer", r.signer().value());
    line(out, "printed-name", r.printedName());
    line(out, "meaning", r.meaning().code());
    line(out, "signed-at", AuditEventCodec.formatTime(r.signedAt()));
    line(out, "time-zone", r.zone().getId());
    line(out, "audit-seq", Long.toString(r.auditSeq()));
    line(out, "key-id", r.keyId());
    return out.toString();
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append(name).append(": ").append(value).append('\n');
  }
}
