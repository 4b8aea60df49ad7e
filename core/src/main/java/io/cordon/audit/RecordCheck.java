package io.cordon.audit;

import io.cordon.context.CordonException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The checks of one stored event against the chain hash of the event before it. Stateless. */
final class RecordCheck {
  private static final byte[] SEQ_PREFIX = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);

  private RecordCheck() {}

  /**
   * Why {@code r} does not belong after an event whose chain hash is {@code previousChain}, or
   * empty when it does.
   */
  static Optional<String> fault(AuditRecord r, byte[] previousChain) {
    byte[] storedLeaf = r.leafHashView();
    byte[] storedChain = r.chainHashView();
    if (storedLeaf == null || storedChain == null) {
      return Optional.of("its hashes are missing");
    }
    if (!Arrays.equals(AuditChain.leafHash(r.leafView()), storedLeaf)) {
      return Optional.of("modified: its bytes do not match its leaf hash");
    }
    if (!startsWithOwnSeq(r.leafView(), r.seq())) {
      return Optional.of(numberingFault(r));
    }
    if (!Arrays.equals(AuditChain.link(previousChain, storedLeaf), storedChain)) {
      return Optional.of(
          "the chain breaks here: this event was replaced, or one before it was inserted,"
              + " deleted or reordered");
    }
    return Optional.empty();
  }

  /**
   * Whether the record's own checks hold, those that need no other record: its hashes are present,
   * its bytes match its leaf hash and begin with its own number. Independent for every record, so a
   * verifier may run it for many records at once; {@link #fault} gives the reason when it fails.
   */
  static boolean selfConsistent(AuditRecord r) {
    byte[] storedLeaf = r.leafHashView();
    return storedLeaf != null
        && r.chainHashView() != null
        && Arrays.equals(AuditChain.leafHash(r.leafView()), storedLeaf)
        && startsWithOwnSeq(r.leafView(), r.seq());
  }

  /**
   * Whether the stored chain hash of a {@link #selfConsistent} record follows from {@code
   * previousChain}.
   */
  static boolean chainHolds(AuditRecord r, byte[] previousChain) {
    return Arrays.equals(AuditChain.link(previousChain, r.leafHashView()), r.chainHashView());
  }

  /**
   * Whether the leaf data begins {@code {"seq":N,} with this record's number: the form every
   * appended event has, since the codec writes {@code seq} first. Checking the prefix instead of
   * parsing each event keeps verification at millions of events a second; the hashes already
   * prove the bytes are those appended.
   */
  private static boolean startsWithOwnSeq(byte[] leaf, long seq) {
    byte[] digits = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
    int end = SEQ_PREFIX.length + digits.length;
    return leaf.length > end
        && Arrays.equals(leaf, 0, SEQ_PREFIX.length, SEQ_PREFIX, 0, SEQ_PREFIX.length)
        && Arrays.equals(leaf, SEQ_PREFIX.length, end, digits, 0, digits.length)
        && leaf[end] == ',';
  }

  /** Why a leaf without its own number at the front fails: parsed only on this slow path. */
  private static String numberingFault(AuditRecord r) {
    AuditEvent event;
    try {
      event = r.event();
    } catch (CordonException.InvalidInput e) {
      return "not a well-formed event";
    }
    if (event.seq() != r.seq()) {
      return "holds the event numbered " + event.seq() + ": moved or swapped";
    }
    return "not in the form events are appended in (seq first)";
  }
}
