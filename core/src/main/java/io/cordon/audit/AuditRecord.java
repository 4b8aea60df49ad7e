package io.cordon.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An audit event as stored: its sequence number, its leaf data (the exact bytes of the event's
 * JSON, which the leaf hash covers and the export hands out as {@code leaf}), and the leaf and
 * chain hashes recorded when it was appended. The stored hashes are what a tamperer would have to
 * forge; {@link AuditService#verify} recomputes them. Arrays are copied in and out.
 *
 * @param leafHash as stored; null when the row has lost it (itself a sign of tampering)
 * @param chainHash as stored; null likewise
 */
public record AuditRecord(long seq, byte[] leaf, byte[] leafHash, byte[] chainHash) {
  public AuditRecord {
    leaf = leaf.clone();
    leafHash = leafHash == null ? null : leafHash.clone();
    chainHash = chainHash == null ? null : chainHash.clone();
  }

  @Override
  public byte[] leaf() {
    return leaf.clone();
  }

  @Override
  public byte[] leafHash() {
    return leafHash == null ? null : leafHash.clone();
  }

  @Override
  public byte[] chainHash() {
    return chainHash == null ? null : chainHash.clone();
  }

  // Uncopied views for verification, which reads millions of records and only ever looks.
  byte[] leafView() {
    return leaf;
  }

  byte[] leafHashView() {
    return leafHash;
  }

  byte[] chainHashView() {
    return chainHash;
  }

  /** The event the leaf data holds; raises InvalidInput if the bytes are not an event. */
  public AuditEvent event() {
    return AuditEventCodec.fromJson(new String(leaf, StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditRecord r
        && seq == r.seq
        && Arrays.equals(leaf, r.leaf)
        && Arrays.equals(leafHash, r.leafHash)
        && Arrays.equals(chainHash, r.chainHash);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seq) * 31 + Arrays.hashCode(leaf);
  }

  @Override
  public String toString() {
    return "AuditRecord[seq=" + seq + ", " + leaf.length + " bytes]";
  }
}
