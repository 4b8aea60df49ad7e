package io.cordon.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One stored event against the chain before it. The hashes cover the bytes; the number at the front
 * of the bytes must be the record's own, checked without parsing on the fast path.
 */
class RecordCheckTest {
  private static final byte[] PREVIOUS = AuditChain.genesis();

  @Test
  void fault_eventAppendedAsItsOwnNumber_none() {
    assertThat(RecordCheck.fault(record(8, json(8)), PREVIOUS)).isEmpty();
  }

  @Test
  void fault_rehashedBytesOfAnotherEvent_namesTheNumberTheyHold() {
    assertThat(RecordCheck.fault(record(8, json(7)), PREVIOUS))
        .contains("holds the event numbered 7: moved or swapped");
  }

  @Test
  void fault_numberWithTheSameDigitsPrefix_isNotMistakenForItsOwn() {
    assertThat(RecordCheck.fault(record(8, json(80)), PREVIOUS))
        .contains("holds the event numbered 80: moved or swapped");
    assertThat(RecordCheck.fault(record(80, json(8)), PREVIOUS))
        .contains("holds the event numbered 8: moved or swapped");
  }

  @Test
  void fault_rehashedBytesThatAreNoEvent_notWellFormed() {
    assertThat(RecordCheck.fault(record(8, "{\"seq\":8}garbage"), PREVIOUS))
        .contains("not a well-formed event");
    assertThat(RecordCheck.fault(record(8, ""), PREVIOUS)).contains("not a well-formed event");
  }

  @Test
  void fault_sameEventWithFieldsReordered_notInAppendedForm() {
    String reordered =
        json(8).replaceFirst("\\{\"seq\":8,", "{").replaceFirst("\\}$", ",\"seq\":8}");

    assertThat(RecordCheck.fault(record(8, reordered), PREVIOUS))
        .contains("not in the form events are appended in (seq first)");
  }

  @Test
  void fault_bytesChangedAfterHashing_modified() {
    byte[] leaf = json(8).getBytes(StandardCharsets.UTF_8);
    byte[] leafHash = AuditChain.leafHash(leaf);
    leaf[leaf.length - 2] ^= 1;

    AuditRecord r = new AuditRecord(8, leaf, leafHash, AuditChain.link(PREVIOUS, leafHash));

    assertThat(RecordCheck.fault(r, PREVIOUS))
        .contains("modified: its bytes do not match its leaf hash");
  }

  /** A record whose hashes are computed from its bytes, as a tamperer who rehashes would. */
  private static AuditRecord record(long seq, String json) {
    byte[] leaf = json.getBytes(StandardCharsets.UTF_8);
    byte[] leafHash = AuditChain.leafHash(leaf);
    return new AuditRecord(seq, leaf, leafHash, AuditChain.link(PREVIOUS, leafHash));
  }

  private static String json(long seq) {
    return AuditEventCodec.toJson(
        new AuditEvent(
            seq,
            Instant.parse("2026-11-23T10:00:00Z"),
            new AuditEvent.Actor(
                Optional.of("u-1"),
                Optional.of("qa@cdmo.example"),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.of("password")),
            "file.download",
            Optional.empty(),
            AuditEvent.Outcome.SUCCESS,
            Optional.empty(),
            new AuditEvent.EventContext(
                "api",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            Map.of("bytes", 1)));
  }
}
