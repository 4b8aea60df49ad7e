package io.cordon.audit;

import java.nio.charset.StandardCharsets;

/**
 * An audit event serialised before it has a sequence number, so that the expensive part of an
 * append (the canonical JSON) runs on the caller's thread rather than on the store's one writer
 * thread. The codec writes {@code seq} first, so an event's leaf data is {@code {"seq":N,} followed
 * by bytes that do not depend on N: {@link #leafData(long)} splices the number in without
 * serialising again, and yields exactly the bytes {@link AuditEventCodec#toJson} would for the
 * numbered event.
 *
 * <p>Immutable and thread-safe.
 */
public final class PreparedEvent {
  private static final String PREFIX = "{\"seq\":";
  private static final String UNNUMBERED = PREFIX + "0,";

  private final AuditEvent event;
  private final String rest;
  private final byte[] restBytes;

  private PreparedEvent(AuditEvent event, String rest) {
    this.event = event;
    this.rest = rest;
    this.restBytes = rest.getBytes(StandardCharsets.UTF_8);
  }

  /** Serialises the event (its own {@code seq} is ignored; the trail assigns one). */
  public static PreparedEvent of(AuditEvent event) {
    AuditEvent unnumbered = event.withSeq(0);
    String json = AuditEventCodec.toJson(unnumbered);
    if (!json.startsWith(UNNUMBERED)) {
      // The verifier's seq check relies on this form too (RecordCheck).
      throw new IllegalStateException("the event codec no longer writes seq first");
    }
    return new PreparedEvent(unnumbered, json.substring(UNNUMBERED.length()));
  }

  /** The event, unnumbered. */
  public AuditEvent event() {
    return event;
  }

  /** The event numbered {@code seq}. */
  public AuditEvent numbered(long seq) {
    return event.withSeq(seq);
  }

  /** The JSON of the event numbered {@code seq}: the text stored in the trail. */
  public String json(long seq) {
    return PREFIX + seq + ',' + rest;
  }

  /** The leaf data of the event numbered {@code seq}: the UTF-8 of {@link #json(long)}. */
  public byte[] leafData(long seq) {
    byte[] number = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
    byte[] data = new byte[PREFIX.length() + number.length + 1 + restBytes.length];
    int at = 0;
    for (int i = 0; i < PREFIX.length(); i++) {
      data[at++] = (byte) PREFIX.charAt(i);
    }
    System.arraycopy(number, 0, data, at, number.length);
    at += number.length;
    data[at++] = ',';
    System.arraycopy(restBytes, 0, data, at, restBytes.length);
    return data;
  }
}
